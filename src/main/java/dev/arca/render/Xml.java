package dev.arca.render;

import dev.arca.extract.ControlCharacters;

/**
 * Text and attribute values as XML 1.0 reads them back: markup characters escaped, and dropped
 * what no XML document may hold (C0 controls but tab and line feed, lone surrogates, U+FFFE and
 * U+FFFF) along with the C1 controls arca never prints. For the EPUB's documents, which an XML
 * parser reads and rejects whole for one bad character.
 */
final class Xml {

    private Xml() {
    }

    static String escape(String value) {
        String text = ControlCharacters.text(value == null ? "" : value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\uFFFE', '\uFFFF' -> {
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
