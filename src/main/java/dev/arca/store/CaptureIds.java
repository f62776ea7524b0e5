package dev.arca.store;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Capture IDs: eleven characters, the capture second in base 32 followed by four random ones, e.g.
 * {@code 1nf8w3k7qze}. They sort by capture time as plain strings, stay unique when many captures
 * share a second, and are short enough to type; any unique prefix also names a capture.
 */
public final class CaptureIds {

    static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    static final int TIME_CHARS = 7;
    static final int RANDOM_CHARS = 4;
    static final int LENGTH = TIME_CHARS + RANDOM_CHARS;

    /** Created on first use: a SecureRandom costs listings, which only decode IDs, a noticeable start-up delay. */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    private CaptureIds() {
    }

    /** A new ID for a capture made at {@code when}. */
    public static String next(Instant when) {
        StringBuilder id = new StringBuilder(LENGTH);
        long seconds = Math.max(0, when.getEpochSecond());
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            id.append(ALPHABET.charAt((int) ((seconds >>> (5 * i)) & 31)));
        }
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET.charAt(Random.INSTANCE.nextInt(32)));
        }
        return id.toString();
    }

    /** True when {@code text} has the shape of an ID. */
    public static boolean isId(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The capture second encoded in an ID. */
    public static Instant captured(String id) {
        long seconds = 0;
        for (int i = 0; i < TIME_CHARS; i++) {
            seconds = (seconds << 5) | ALPHABET.indexOf(id.charAt(i));
        }
        return Instant.ofEpochSecond(seconds);
    }
}
