package dev.arca.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The command line's JSON: one compact object per line for scripts, or indented for people.
 * Jackson escapes C0 controls itself; DEL, the C1 controls and the line and paragraph separators
 * are escaped too, so that no JSON arca prints can drive a terminal or break a JavaScript line.
 */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new TerminalSafe()).build();
    private static final ObjectMapper LINES = JsonMapper.builder(FACTORY).build();
    private static final ObjectMapper PRETTY = JsonMapper.builder(FACTORY).enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /** One line of JSON Lines output. */
    static String line(Object value) {
        try {
            return LINES.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An indented document. */
    static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectMapper mapper() {
        return LINES;
    }

    /** Jackson's standard escapes, plus DEL, U+0080 to U+009F, U+2028 and U+2029. */
    private static final class TerminalSafe extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafe() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean escaped = c >= 0x80 && c <= 0x9f || c == 0x2028 || c == 0x2029;
            return escaped ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", c)) : null;
        }
    }
}
