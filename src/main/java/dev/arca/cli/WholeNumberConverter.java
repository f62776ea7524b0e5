package dev.arca.cli;

import picocli.CommandLine.TypeConversionException;

import java.util.regex.Pattern;

/**
 * Reads a whole number within a range; a number too large for an {@code int} is out of range
 * like any other, rather than "not an int". Subclasses in {@link Ranges} fix the range.
 */
abstract class WholeNumberConverter extends RangeConverter<Integer> {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+");

    WholeNumberConverter(int min, int max, String range) {
        super(min, max, range);
    }

    @Override
    double amount(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new TypeConversionException("'" + text + "' is not a whole number (" + range() + ")");
        }
        return Double.parseDouble(text);
    }

    @Override
    Integer value(double amount) {
        return (int) amount;
    }
}
