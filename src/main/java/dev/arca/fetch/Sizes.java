package dev.arca.fetch;

import java.util.Locale;

/** Formats byte counts for messages, e.g. "50 MiB". */
public final class Sizes {

    private Sizes() {
    }

    /** A byte count in the largest binary unit that keeps it at least 1, e.g. "1.5 KiB". */
    public static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%d %s", (long) value, units[unit]);
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
