package dev.arca.cli;

import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sizes as people write them: {@code 1048576}, {@code 512k}, {@code 50M}, {@code 50MiB},
 * {@code 1G}, within a range that subclasses in {@link Ranges} fix.
 */
abstract class ByteSizeConverter extends RangeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    ByteSizeConverter(long min, long max, String range) {
        super(min, max, range);
    }

    /** The size in whole bytes. */
    @Override
    double amount(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a size (examples: 1048576, 512k, 50M, 1G)");
        }
        int power = "bkmgt".indexOf(m.group(2).isEmpty() ? 'b' : m.group(2).toLowerCase(Locale.ROOT).charAt(0));
        return Math.floor(Double.parseDouble(m.group(1)) * Math.pow(1024, power));
    }

    @Override
    Long value(double bytes) {
        return (long) bytes;
    }
}
