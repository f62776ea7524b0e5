package dev.arca.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sizes as people write them: {@code 1048576}, {@code 512k}, {@code 50M}, {@code 50MiB},
 * {@code 1G}, within a range that subclasses in {@link Ranges} fix.
 */
abstract class ByteSizeConverter implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    private final long min;
    private final long max;
    private final String range;

    ByteSizeConverter(long min, long max, String range) {
        this.min = min;
        this.max = max;
        this.range = range;
    }

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (examples: 1048576, 512k, 50M, 1G)");
        }
        double number = Double.parseDouble(m.group(1));
        int power = "bkmgt".indexOf(m.group(2).isEmpty() ? 'b' : m.group(2).toLowerCase(Locale.ROOT).charAt(0));
        double bytes = Math.floor(number * Math.pow(1024, power));
        if (bytes < min || bytes > max) {
            throw new TypeConversionException(Ranges.outOfRange(value, range));
        }
        return (long) bytes;
    }
}
