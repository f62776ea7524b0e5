package dev.arca.cli;

import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations in seconds, with an optional unit: {@code 30}, {@code 1.5}, {@code 30s},
 * {@code 2m}, {@code 500ms}, within a range that subclasses in {@link Ranges} fix.
 */
abstract class SecondsConverter extends RangeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    SecondsConverter(Duration min, Duration max, String range) {
        super(min.toMillis(), max.toMillis(), range);
    }

    /** The duration in milliseconds. */
    @Override
    double amount(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration (examples: 30, 1.5, 2m, 500ms)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> number;
            case "m" -> number * 60_000;
            case "h" -> number * 3_600_000;
            default -> number * 1000;
        };
    }

    @Override
    Duration value(double millis) {
        return Duration.ofMillis(Math.round(millis));
    }
}
