package dev.arca.fetch;

import java.io.IOException;

/**
 * A fetch that did not produce a capture, with a reason a script can act on and a message a person
 * can read on one line.
 */
public final class FetchException extends IOException {

    /** Why a fetch failed. */
    public enum Reason {
        /** The URL is malformed or its scheme is not http or https. */
        BAD_URL,
        /** The host name did not resolve. */
        DNS,
        /** The server refused or did not accept the connection. */
        CONNECT,
        /** The TLS handshake failed, for example on an untrusted certificate. */
        TLS,
        /** The exchange took longer than the timeout. */
        TIMEOUT,
        /** The response was larger than the size limit, on the wire or decoded. */
        TOO_LARGE,
        /** The redirect chain was too long or looped. */
        REDIRECTS,
        /** The final response had a status other than 2xx. */
        HTTP_STATUS,
        /** The body could not be decoded from its Content-Encoding. */
        DECODING,
        /** The server broke the protocol or closed the connection early. */
        PROTOCOL,
        /** The local file could not be read. */
        FILE
    }

    private final Reason reason;
    private final int status;

    public FetchException(Reason reason, String message) {
        this(reason, message, 0, null);
    }

    public FetchException(Reason reason, String message, Throwable cause) {
        this(reason, message, 0, cause);
    }

    private FetchException(Reason reason, String message, int status, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
    }

    /** A final response with a non-2xx status. */
    public static FetchException httpStatus(int status) {
        return httpStatus(status, null);
    }

    /** A final response with a non-2xx status and the server's Retry-After value, or null. */
    public static FetchException httpStatus(int status, String retryAfter) {
        String phrase = ReasonPhrases.of(status);
        String message = "HTTP " + status + (phrase.equals(ReasonPhrases.UNKNOWN) ? "" : " " + phrase);
        if (retryAfter != null && !retryAfter.isBlank()) {
            String value = retryAfter.strip();
            message += " (the server asks to retry after " + value + (value.chars().allMatch(Character::isDigit) ? " s)" : ")");
        }
        return new FetchException(Reason.HTTP_STATUS, message, status, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status of the final response for {@link Reason#HTTP_STATUS}, else 0. */
    public int status() {
        return status;
    }
}
