package dev.arca.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arca.extract.ControlCharacters;

import java.io.UncheckedIOException;

/** The command line's JSON: one compact object per line for scripts, or indented for people. */
final class Json {

    private static final ObjectMapper LINES = JsonMapper.builder(factory()).build();
    private static final ObjectMapper PRETTY = JsonMapper.builder(factory()).enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /**
     * Jackson escapes the C0 controls but writes DEL and the C1 controls (U+0080–U+009F) raw, and
     * a terminal obeys U+009B as CSI: they are escaped as {@code \u009b} too.
     */
    private static final class ControlEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        ControlEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ControlCharacters.isControl(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private static JsonFactory factory() {
        return new JsonFactory().setCharacterEscapes(new ControlEscapes());
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
}
