package dev.arca.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts the value of an option that has a documented range. A subclass reads the text as an
 * amount in its own unit (a count, milliseconds, bytes); this class checks the amount, as a
 * double, so that no number is too large to be told it is out of range, and every option says
 * so in the same words.
 *
 * @param <T> the option's type
 */
abstract class RangeConverter<T> implements ITypeConverter<T> {

    private final double min;
    private final double max;
    private final String range;

    /** @param range the range as the option's description gives it, such as "1 to 256" */
    RangeConverter(double min, double max, String range) {
        this.min = min;
        this.max = max;
        this.range = range;
    }

    /** The amount {@code text} stands for, in the unit of the range; a {@link TypeConversionException} when it is none. */
    abstract double amount(String text);

    /** The option's value for an amount within the range. */
    abstract T value(double amount);

    /** The range as the description gives it, for the subclasses' messages. */
    final String range() {
        return range;
    }

    @Override
    public final T convert(String text) {
        double amount = amount(text.strip());
        if (!(amount >= min && amount <= max)) {
            throw new TypeConversionException("'" + text + "' is out of range (" + range + ")");
        }
        return value(amount);
    }
}
