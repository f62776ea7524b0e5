package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks that every line of a bundle's CDXJ index points at the record it names: a response or
 * resource record starting at that offset, of that length, URL, date, status and payload digest,
 * and that every such record is indexed. Reads the index a line at a time.
 */
final class CdxjCheck {

    private final Path bundle;
    private final WarcCheck.Result warc;
    private final Set<Integer> indexed = new HashSet<>();

    private CdxjCheck(Path bundle, WarcCheck.Result warc) {
        this.bundle = bundle;
        this.warc = warc;
    }

    static void check(Path bundle, InputStream in, WarcCheck.Result warc) throws IOException {
        new CdxjCheck(bundle, warc).check(in);
    }

    private void check(InputStream in) throws IOException {
        byte[] previous = null;
        int number = 0;
        byte[] line;
        while ((line = nextLine(in, tooLong(number + 1))) != null) {
            number++;
            if (previous != null && Arrays.compareUnsigned(previous, line) > 0) {
                throw problem(number, "lines are not sorted");
            }
            checkLine(number, new String(line, StandardCharsets.UTF_8));
            previous = line;
        }
        for (int i = 0; i < warc.records().size(); i++) {
            WarcCheck.Rec rec = warc.records().get(i);
            if (isIndexable(rec) && !indexed.contains(i)) {
                throw new BundleException(bundle, BundleException.Reason.CORRUPT, BundleWriter.INDEX_PATH
                        + " misses the " + rec.type() + " record for " + rec.target());
            }
        }
    }

    private void checkLine(int number, String line) throws BundleException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 3) {
            throw problem(number, "not a CDXJ line");
        }
        JsonNode json;
        try {
            json = BundleJson.MAPPER.readTree(parts[2]);
        } catch (IOException e) {
            throw problem(number, "invalid JSON");
        }
        String url = json.path("url").asText();
        long offset = json.path("offset").asLong(-1);
        int i = warc.at(offset);
        if (i < 0) {
            throw problem(number, "no record starts at offset " + offset);
        }
        WarcCheck.Rec rec = warc.records().get(i);
        if (!isIndexable(rec) || !url.equals(rec.target())) {
            throw problem(number, "names " + url + " but offset " + offset + " holds a " + rec.type()
                    + " record" + (rec.target() == null ? "" : " for " + rec.target()));
        }
        if (json.path("length").asLong(-1) != warc.length(i)) {
            throw problem(number, "length " + json.path("length").asText() + " does not match the record's " + warc.length(i));
        }
        if (!json.path("digest").asText().equals(rec.payloadDigest())) {
            throw problem(number, "digest does not match the record's payload");
        }
        if (!json.path("status").asText().equals(Integer.toString(rec.status()))) {
            throw problem(number, "status " + json.path("status").asText() + " does not match the record's " + rec.status());
        }
        if (!json.path("filename").asText().equals(CaptureWarc.FILENAME)) {
            throw problem(number, "names the file " + json.path("filename").asText() + ", not " + CaptureWarc.FILENAME);
        }
        if (!parts[0].equals(CdxjIndex.surt(url)) || !parts[1].equals(CdxjIndex.TIMESTAMP.format(rec.date()))) {
            throw problem(number, "key \"" + parts[0] + " " + parts[1] + "\" does not match the record");
        }
        if (!indexed.add(i)) {
            throw problem(number, "indexes the record at offset " + offset + " twice");
        }
    }

    private static boolean isIndexable(WarcCheck.Rec rec) {
        return rec.type().equals("response") || rec.type().equals("resource");
    }

    private Supplier<BundleException> tooLong(int number) {
        return () -> problem(number, "longer than " + BundleLimits.MAX_CDXJ_LINE + " bytes");
    }

    /** The next line of an index, without its newline, or null at its end; a line too long to hold is {@code tooLong}. */
    static byte[] nextLine(InputStream in, Supplier<BundleException> tooLong) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() == BundleLimits.MAX_CDXJ_LINE) {
                throw tooLong.get();
            }
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        return line.toByteArray();
    }

    private BundleException problem(int number, String problem) {
        return new BundleException(bundle, BundleException.Reason.CORRUPT,
                BundleWriter.INDEX_PATH + " line " + number + ": " + problem);
    }
}
