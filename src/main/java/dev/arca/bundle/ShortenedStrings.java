package dev.arca.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;

/**
 * JSON in UTF-8 with every string value cut after about {@code max} bytes (after the character or
 * escape that reaches {@code max}), field names and everything else untouched: what lets a
 * streaming parser read an article of any size in bounded memory (Jackson 2 holds a whole string
 * value before it hands it over, even to a Writer). A value is only ever cut before a character
 * starts, never inside an escape or a multi-byte character, so the result is still valid JSON
 * whenever the input was.
 */
final class ShortenedStrings extends FilterInputStream {

    private static final int NORMAL = 0;
    private static final int AFTER_BACKSLASH = -1;
    // positive: hex digits still to come in a \\uXXXX escape

    private final int max;
    private final byte[] buffer = new byte[1 << 16];
    /** For each open container, whether it is an object; {@code depth} of them are open. */
    private final BitSet objects = new BitSet();
    private int depth;
    /** In an object, before a field's name (rather than its value). */
    private boolean expectingName;
    private boolean inString;
    private boolean inName;
    private int escape = NORMAL;
    private int kept;
    private boolean dropping;

    ShortenedStrings(InputStream in, int max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = in.read(buffer, 0, Math.min(len, buffer.length));
            if (n < 0) {
                return -1;
            }
            int out = off;
            for (int i = 0; i < n; i++) {
                if (keep(buffer[i])) {
                    b[out++] = buffer[i];
                }
            }
            if (out > off) {
                return out - off;
            }
        }
    }

    /** Moves the state past {@code c}; true when {@code c} is passed on. */
    private boolean keep(byte c) {
        if (!inString) {
            structure(c);
            return true;
        }
        if (escape == NORMAL && c == '"') {
            inString = false;
            return true;
        }
        if (!dropping && !inName && escape == NORMAL && kept >= max && (c & 0xC0) != 0x80) {
            dropping = true;
        }
        if (escape == NORMAL) {
            escape = c == '\\' ? AFTER_BACKSLASH : NORMAL;
        } else if (escape == AFTER_BACKSLASH) {
            escape = c == 'u' ? 4 : NORMAL;
        } else {
            escape--;
        }
        if (dropping) {
            return false;
        }
        kept++;
        return true;
    }

    /** Follows the containers, to tell a field's name from a value. */
    private void structure(byte c) {
        switch (c) {
            case '"' -> {
                inString = true;
                inName = depth > 0 && objects.get(depth - 1) && expectingName;
                kept = 0;
                dropping = false;
            }
            case '{', '[' -> {
                objects.set(depth++, c == '{');
                expectingName = c == '{';
            }
            case '}', ']' -> {
                depth = Math.max(0, depth - 1);
                expectingName = false;
            }
            case ':' -> expectingName = false;
            case ',' -> expectingName = depth > 0 && objects.get(depth - 1);
            default -> { }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        return MemberStream.skipByReading(this, n);
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
