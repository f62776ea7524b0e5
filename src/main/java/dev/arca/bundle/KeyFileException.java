package dev.arca.bundle;

import java.io.IOException;

/** A signing key file that cannot be created or used, with the reason in one line. */
public final class KeyFileException extends IOException {

    public KeyFileException(String message) {
        super(message);
    }
}
