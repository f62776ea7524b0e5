package dev.arca.index;

/**
 * A full-text query as the user typed it and as FTS5 matches it. People type words, and words
 * carry punctuation ({@code e-mail}, {@code covid-19}, {@code don't}, {@code U.S.}, {@code C++},
 * {@code 9/11}) that FTS5 reads as syntax, so by default every word is quoted: FTS5 then splits it
 * with the index's own tokenizer into a phrase ({@code "e-mail"} is "e" followed by "mail"), and
 * every word must match. Double quotes group words into one phrase, a trailing {@code *} makes a
 * prefix, and nothing else is syntax, so no text is an error. FTS5's own syntax (OR, NOT, NEAR,
 * column:word, parentheses) is there when asked for.
 *
 * @param typed the query as typed, for messages
 * @param match the FTS5 expression
 * @param fts   true when {@code typed} is FTS5 syntax, which may be invalid
 */
public record SearchQuery(String typed, String match, boolean fts) {

    /** A phrase that matches nothing, for a query with no words at all. */
    private static final String NOTHING = "\"\"";

    /** The words people type, each matched as the index splits it; never invalid. */
    public static SearchQuery words(String typed) {
        StringBuilder match = new StringBuilder();
        int i = 0;
        while (i < typed.length()) {
            char c = typed.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end;
            String term;
            if (c == '"') {
                int close = typed.indexOf('"', i + 1);
                end = close < 0 ? typed.length() : close + 1; // an unmatched quote runs to the end
                term = typed.substring(i + 1, close < 0 ? typed.length() : close);
            } else {
                end = i;
                while (end < typed.length() && !Character.isWhitespace(typed.charAt(end)) && typed.charAt(end) != '"') {
                    end++;
                }
                term = typed.substring(i, end);
            }
            boolean prefix = false;
            while (end < typed.length() && typed.charAt(end) == '*') {
                prefix = true;
                end++;
            }
            while (term.endsWith("*")) {
                prefix = true;
                term = term.substring(0, term.length() - 1);
            }
            if (!term.isBlank()) {
                match.append(match.isEmpty() ? "" : " ").append('"').append(term.replace("\"", "\"\"")).append('"')
                        .append(prefix ? "*" : "");
            }
            i = end;
        }
        return new SearchQuery(typed, match.isEmpty() ? NOTHING : match.toString(), false);
    }

    /** SQLite FTS5 syntax, as typed. */
    public static SearchQuery fts(String syntax) {
        return new SearchQuery(syntax, syntax, true);
    }
}
