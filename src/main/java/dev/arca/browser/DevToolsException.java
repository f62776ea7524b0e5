package dev.arca.browser;

/** The browser answered a command with an error, did not answer in time, or went away. */
public final class DevToolsException extends Exception {

    public DevToolsException(String message) {
        super(message);
    }
}
