package dev.arca.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes as people write them: {@code 1048576}, {@code 512k}, {@code 50M}, {@code 50MiB}, {@code 1G}. */
final class ByteSizeConverter implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (examples: 1048576, 512k, 50M, 1G)");
        }
        double number = Double.parseDouble(m.group(1));
        int power = "bkmgt".indexOf(m.group(2).isEmpty() ? 'b' : m.group(2).toLowerCase(Locale.ROOT).charAt(0));
        long bytes = (long) (number * Math.pow(1024, power));
        if (bytes <= 0) {
            throw new TypeConversionException("'" + value + "' must be more than 0 bytes");
        }
        return bytes;
    }
}
