package dev.arca.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Reads a whole number within a range; a number too large for an {@code int} is out of range
 * like any other, rather than "not an int". Subclasses in {@link Ranges} fix the range.
 */
abstract class WholeNumberConverter implements ITypeConverter<Integer> {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+");

    private final int min;
    private final int max;
    private final String range;

    WholeNumberConverter(int min, int max, String range) {
        this.min = min;
        this.max = max;
        this.range = range;
    }

    @Override
    public Integer convert(String value) {
        String text = value.strip();
        if (!NUMBER.matcher(text).matches()) {
            throw new TypeConversionException("'" + value + "' is not a whole number (" + range + ")");
        }
        BigInteger number = new BigInteger(text);
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException(Ranges.outOfRange(value, range));
        }
        return number.intValue();
    }
}
