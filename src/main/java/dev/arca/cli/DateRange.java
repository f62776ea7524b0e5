package dev.arca.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code --since}/{@code --until} window of a listing. Dates are whole UTC days, both ends
 * included: {@code --since 2024-01-01 --until 2024-01-31} is January.
 *
 * @param from the first instant inside, or null for no lower bound
 * @param to   the first instant after, or null for no upper bound
 */
record DateRange(Instant from, Instant to) {

    static DateRange of(String since, String until) {
        Instant from = since == null ? null : start(since, "--since");
        Instant to = until == null ? null : end(until, "--until");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--since " + since + " is after --until " + until);
        }
        return new DateRange(from, to);
    }

    boolean contains(Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    private static Instant start(String text, String option) {
        LocalDate day = day(text);
        return day != null ? day.atStartOfDay().toInstant(ZoneOffset.UTC) : instant(text, option);
    }

    private static Instant end(String text, String option) {
        LocalDate day = day(text);
        return day != null ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : instant(text, option).plusNanos(1);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text, String option) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(option + " '" + text
                        + "' is not a date (examples: 2024-03-01, 2024-03-01T12:00:00Z)");
            }
        }
    }
}
