package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Resolves each line of a foreign WACZ's indexes to a record of its WARCs, a line at a time: CDXJ
 * ({@code indexes/*.cdxj}, and js-wacz's CDXJ lines in {@code indexes/index.cdx}), classic CDX with its
 * {@code CDX} field header, and either gzipped, with ZipNum's secondary {@code .idx} checked against the
 * gzip members of the {@code .cdx.gz} it names ({@link ZipNumIndex}).
 * The records are those {@link WarcCheck} already found, so no WARC is read again. Unlike arca's own
 * index, whose first bad line is the damage, every line is tried and the ones that do not resolve are counted.
 */
final class ForeignIndexCheck {

    /** Classic CDX's default fields: SURT, date, URL, type, status, digest, redirect, robots, length, offset, file. */
    private static final String CDX_DEFAULT = "N b a m s k r M S V g";

    private final Path bundle;
    private final Map<String, WarcCheck.Result> warcs;
    private final ZipNumIndex zipNum;
    private long lines;
    private long unresolved;
    private String first;
    /** The fields of the CDX lines of the index being read, and its line number. */
    private String[] cdx;
    private int number;

    /** @param warcs the checked WARCs by their file name under {@code archive/}, as index lines name them */
    ForeignIndexCheck(Path bundle, Map<String, WarcCheck.Result> warcs) {
        this.bundle = bundle;
        this.warcs = warcs;
        this.zipNum = new ZipNumIndex(bundle, this::unresolved);
    }

    /** Whether {@code member} is an index this check reads: CDXJ or CDX, gzipped or not, or a ZipNum {@code .idx}. */
    static boolean isIndex(String member) {
        return member.startsWith("indexes/")
                && List.of(".cdxj", ".cdx", ".cdxj.gz", ".cdx.gz", ".idx").stream().anyMatch(member::endsWith);
    }

    /** Secondary indexes first, since the blocks they name are matched as the gzipped index streams by. */
    static List<String> inReadingOrder(List<String> indexes) {
        return indexes.stream().sorted(Comparator.comparing(member -> !member.endsWith(".idx"))).toList();
    }

    /** Reads the index {@code member} from {@code in}, counting its lines and those that do not resolve. */
    void read(String member, InputStream in) throws IOException {
        cdx = CDX_DEFAULT.split(" ");
        number = 0;
        if (member.endsWith(".idx")) {
            zipNum.readIdx(member, in);
        } else if (!member.endsWith(".gz")) {
            readLines(member, new BufferedInputStream(in, 1 << 16));
        } else if (!zipNum.names(member)) {
            readLines(member, new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        } else {
            GzipMembers members = new GzipMembers(in);
            for (GzipMembers.Member m = members.next(); m != null; m = members.next()) {
                String first = readLines(member, new BufferedInputStream(m.stream(), 1 << 16));
                zipNum.member(member, m.offset(), m.length(), first);
            }
            zipNum.finish(member);
        }
    }

    /** Checks each line of {@code lines}; returns the first index line, or null when there is none. */
    private String readLines(String member, InputStream lines) throws IOException {
        String firstLine = null;
        byte[] bytes;
        while ((bytes = CdxjCheck.nextLine(lines, tooLong(bundle, member, number + 1))) != null) {
            number++;
            String line = new String(bytes, StandardCharsets.UTF_8).strip();
            if (line.startsWith("CDX ")) {
                cdx = line.substring(4).strip().split(" +");
            } else if (!line.isEmpty() && !line.startsWith("!")) {
                firstLine = firstLine == null ? line : firstLine;
                this.lines++;
                String why = why(line, cdx);
                if (why != null) {
                    unresolved(member + " line " + number + ": " + why);
                }
            }
        }
        return firstLine;
    }

    private void unresolved(String where) {
        if (unresolved++ == 0) {
            first = where;
        }
    }

    IndexResolution result() {
        zipNum.finishAll();
        return new IndexResolution(lines + zipNum.lines(), unresolved, first);
    }

    /** A line's fields, whether it is CDXJ or CDX. */
    private record Line(String key, String timestamp, String url, String filename, long offset, long length) {
    }

    /** Why {@code line} does not resolve to a record, or null when it does. */
    private String why(String line, String[] cdx) {
        Line l = parse(line, cdx);
        if (l == null) {
            return "neither a CDXJ nor a CDX line";
        }
        WarcCheck.Result warc = l.filename() == null && warcs.size() == 1 ? warcs.values().iterator().next() : warcs.get(l.filename());
        if (warc == null) {
            return "names the file " + l.filename() + ", which is not a WARC under archive/";
        }
        String where = "offset " + l.offset() + " of archive/" + (l.filename() == null ? warcs.keySet().iterator().next() : l.filename());
        int i = warc.at(l.offset());
        if (i < 0) {
            return "no record starts at " + where;
        }
        WarcCheck.Rec rec = warc.records().get(i);
        if (rec.target() == null || (l.url() != null && !l.url().equals(rec.target()))) {
            return "names " + l.url() + " but " + where + " holds a " + rec.type() + " record"
                    + (rec.target() == null ? "" : " for " + rec.target());
        }
        if (!l.key().equalsIgnoreCase(CdxjIndex.surt(rec.target()))) {
            return "key " + l.key() + " is not the SURT of " + rec.target() + ", the target of the record at " + where;
        }
        if (!sameSecond(l.timestamp(), rec.date())) {
            return "timestamp " + l.timestamp() + " is not the date " + rec.date() + " of the record at " + where;
        }
        if (l.length() >= 0 && l.length() != warc.length(i)) {
            return "length " + l.length() + " is not the " + warc.length(i) + " bytes of the record at " + where;
        }
        return null;
    }

    /** A CDX timestamp names the record's date to the second; longer ones carry fractions of a second. */
    private static boolean sameSecond(String timestamp, Instant date) {
        String seconds = CdxjIndex.TIMESTAMP.format(date);
        return timestamp.startsWith(seconds);
    }

    private static Line parse(String line, String[] cdx) {
        String[] parts = line.split(" ", 3);
        if (parts.length == 3 && parts[2].startsWith("{")) {
            JsonNode json;
            try {
                json = BundleJson.MAPPER.readTree(parts[2]);
            } catch (IOException e) {
                return null;
            }
            return new Line(parts[0], parts[1], text(json.get("url")), text(json.get("filename")),
                    json.path("offset").asLong(-1), json.path("length").asLong(-1));
        }
        String[] fields = line.split(" +");
        if (fields.length != cdx.length) {
            return null;
        }
        String key = null;
        String timestamp = null;
        String url = null;
        String filename = null;
        long offset = -1;
        long length = -1;
        for (int f = 0; f < cdx.length; f++) {
            switch (cdx[f]) {
                case "N" -> key = fields[f];
                case "b" -> timestamp = fields[f];
                case "a" -> url = fields[f];
                case "g" -> filename = fields[f];
                case "V" -> offset = number(fields[f]);
                case "S" -> length = number(fields[f]);
                default -> {
                    // the other fields are not needed to find the record
                }
            }
        }
        return key == null || timestamp == null ? null : new Line(key, timestamp, url, filename, offset, length);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static long number(String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Supplier<BundleException> tooLong(Path bundle, String member, int number) {
        return () -> new BundleException(bundle, BundleException.Reason.CORRUPT,
                member + " line " + number + ": longer than " + BundleLimits.MAX_CDXJ_LINE + " bytes");
    }
}
