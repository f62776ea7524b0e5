package dev.arca.spark;

import java.io.Serializable;

/**
 * What the job skipped, and where: a damaged record, a file it could not read, a page whose
 * extraction or bundle failed. Sent from the tasks to the driver, which lists them beside the table.
 *
 * @param file   the archive's path, as the job was given it (qualified)
 * @param member the WARC inside a WACZ, or null
 * @param offset the record's offset in that WARC, or -1 when the whole file is meant
 * @param reason what went wrong, in one line
 */
record Problem(String file, String member, long offset, String reason) implements Serializable {

    /** The problem as one diagnostic line. */
    String line() {
        return file + (member == null ? "" : "!/" + member) + (offset < 0 ? "" : " at offset " + offset) + ": " + reason;
    }
}
