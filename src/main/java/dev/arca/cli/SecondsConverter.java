package dev.arca.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations in seconds, with an optional unit: {@code 30}, {@code 1.5}, {@code 30s},
 * {@code 2m}, {@code 500ms}, within a range that subclasses in {@link Ranges} fix.
 */
abstract class SecondsConverter implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private final Duration min;
    private final Duration max;
    private final String range;

    SecondsConverter(Duration min, Duration max, String range) {
        this.min = min;
        this.max = max;
        this.range = range;
    }

    @Override
    public Duration convert(String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration (examples: 30, 1.5, 2m, 500ms)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> number;
            case "m" -> number * 60_000;
            case "h" -> number * 3_600_000;
            default -> number * 1000;
        };
        // compared before rounding, so that no number is too large to be told it is too large
        if (millis < min.toMillis() || millis > max.toMillis()) {
            throw new TypeConversionException(Ranges.outOfRange(value, range));
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
