package dev.arca.fetch;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
        FILE,
        /** robots.txt does not allow arca to fetch the URL. */
        BLOCKED,
        /** The body is not what was expected, e.g. a feed or sitemap that does not parse. */
        FORMAT
    }

    /**
     * The setting of {@link FetchOptions} (or of the caller's politeness) that decided this failure,
     * so that a front end can say how to change it in its own words; the message itself names no
     * command-line flag.
     */
    public enum Setting {
        /** The size limit, named {@link #SIZE_LIMIT} in the message. */
        MAX_SIZE,
        /** The timeout of one exchange. */
        TIMEOUT,
        /** The longest redirect chain followed. */
        MAX_REDIRECTS,
        /** Certificates are checked. */
        CERTIFICATES,
        /** robots.txt is obeyed. */
        ROBOTS
    }

    /** How a message names the size limit, for a front end to replace with its own name for it. */
    public static final String SIZE_LIMIT = "the size limit";

    private final Reason reason;
    private final int status;
    private final Duration retryAfter;
    private final Setting setting;

    public FetchException(Reason reason, String message) {
        this(reason, message, 0, null, null, null);
    }

    public FetchException(Reason reason, String message, Throwable cause) {
        this(reason, message, 0, null, null, cause);
    }

    /** A failure that {@code setting} decided, so that changing it would change the outcome. */
    public FetchException(Reason reason, String message, Setting setting, Throwable cause) {
        this(reason, message, 0, null, setting, cause);
    }

    private FetchException(Reason reason, String message, int status, Duration retryAfter, Setting setting, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
        this.retryAfter = retryAfter;
        this.setting = setting;
    }

    /** A final response with a non-2xx status. */
    public static FetchException httpStatus(int status) {
        return httpStatus(status, null);
    }

    /**
     * A final response with a non-2xx status. {@code retryAfter} is the server's Retry-After value
     * (seconds or an HTTP date), or null; the message quotes it and {@link #retryAfter()} gives it as
     * a duration for schedulers.
     */
    public static FetchException httpStatus(int status, String retryAfter) {
        String phrase = ReasonPhrases.of(status);
        String message = "HTTP " + status + (phrase.equals(ReasonPhrases.UNKNOWN) ? "" : " " + phrase);
        Duration wait = null;
        if (retryAfter != null && !retryAfter.isBlank()) {
            String value = retryAfter.strip();
            message += " (the server asks to retry after " + value + (value.chars().allMatch(Character::isDigit) ? " s)" : ")");
            wait = RetryAfter.parse(value, Instant.now()).orElse(null);
        }
        return new FetchException(Reason.HTTP_STATUS, message, status, wait, null, null);
    }

    /** The same failure, its message prefixed with what was being fetched, e.g. "robots.txt". */
    public FetchException about(String what) {
        return new FetchException(reason, what + ": " + getMessage(), status, retryAfter, setting, this);
    }

    /** The setting that decided this failure, if one did. */
    public Optional<Setting> setting() {
        return Optional.ofNullable(setting);
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status of the final response for {@link Reason#HTTP_STATUS}, else 0. */
    public int status() {
        return status;
    }

    /** How long the server asked to wait before the next try, from its Retry-After header. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
