package dev.arca.store;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Capture IDs: eleven characters in base 32, e.g. {@code 1nf8w3k7qze}: seven for the capture
 * second, two for its 1/1024th (about a millisecond), two random. They sort by capture time as
 * plain strings and are short enough to type; any unique prefix also names a capture. The store
 * retries on the rare collision, so IDs stay unique when many captures share a millisecond.
 */
public final class CaptureIds {

    static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    static final int TIME_CHARS = 7;
    static final int FRACTION_CHARS = 2;
    static final int RANDOM_CHARS = 2;
    static final int LENGTH = TIME_CHARS + FRACTION_CHARS + RANDOM_CHARS;

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
        appendBase32(id, seconds, TIME_CHARS);
        appendBase32(id, (long) when.getNano() * 1024 / 1_000_000_000L, FRACTION_CHARS);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET.charAt(Random.INSTANCE.nextInt(32)));
        }
        return id.toString();
    }

    private static void appendBase32(StringBuilder out, long value, int chars) {
        for (int i = chars - 1; i >= 0; i--) {
            out.append(ALPHABET.charAt((int) ((value >>> (5 * i)) & 31)));
        }
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

    /** The capture time encoded in an ID, to about a millisecond. */
    public static Instant captured(String id) {
        long seconds = decode(id, 0, TIME_CHARS);
        long fraction = decode(id, TIME_CHARS, FRACTION_CHARS);
        return Instant.ofEpochSecond(seconds, fraction * 1_000_000_000L / 1024);
    }

    private static long decode(String id, int from, int chars) {
        long value = 0;
        for (int i = from; i < from + chars; i++) {
            value = (value << 5) | ALPHABET.indexOf(id.charAt(i));
        }
        return value;
    }
}
