package dev.arca.archive;

import java.util.function.Consumer;

/** Makes one step of every {@link Archiver} throw, for tests of capture first through the command line. */
public final class ArchiverFaults {

    private ArchiverFaults() {
    }

    /** Calls {@code faults} with each step's name before it runs ({@link Archiver#WRITE} before the bundle is written). */
    public static void set(Consumer<String> faults) {
        Archiver.faults = faults;
    }

    /** No more faults. */
    public static void clear() {
        Archiver.faults = step -> { };
    }
}
