package dev.arca.bundle;

/**
 * How the index lines of a WACZ another tool wrote resolve to the records of its WARCs: each line's
 * file, offset and length must name a record whose target URI and date are the line's.
 *
 * @param lines      the index lines read, headers not counted
 * @param unresolved the lines that name no such record
 * @param first      the first of those, as {@code MEMBER line N: why}, or null when every line resolves
 */
public record IndexResolution(long lines, long unresolved, String first) {

    public boolean ok() {
        return unresolved == 0;
    }

    /** The counts in one line, as {@code arca verify} prints them. */
    public String summary() {
        if (ok()) {
            return lines + " index line" + (lines == 1 ? " resolves" : "s resolve") + " to records";
        }
        return unresolved + " of " + lines + " index lines do not resolve: first at " + first;
    }
}
