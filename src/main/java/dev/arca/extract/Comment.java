package dev.arca.extract;

/**
 * One comment of a page's comment thread, kept apart from the body when asked for.
 *
 * @param author the commenter's name as shown, or null
 * @param date   ISO-8601 date or date-time of the comment, or null
 * @param text   the comment as plain text, one block per line
 */
public record Comment(String author, String date, String text) {

    public Comment {
        text = text == null ? "" : text;
    }
}
