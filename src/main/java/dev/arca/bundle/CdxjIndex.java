package dev.arca.bundle;

import org.netpreserve.jwarc.URIs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code indexes/index.cdxj} of a bundle: one {@code SURT timestamp {json}} line per response
 * or resource record, sorted in byte order as replay tools expect.
 */
final class CdxjIndex {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private CdxjIndex() {
    }

    static byte[] of(List<IndexedRecord> records, String warcFilename) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (IndexedRecord r : records) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("url", r.url());
            json.put("mime", r.mime());
            json.put("status", Integer.toString(r.status()));
            json.put("digest", r.digest());
            json.put("length", r.length());
            json.put("offset", r.offset());
            json.put("filename", warcFilename);
            String line = surt(r.url()) + " " + TIMESTAMP.format(r.date()) + " " + BundleJson.line(json) + "\n";
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        lines.sort(Arrays::compareUnsigned);
        int size = lines.stream().mapToInt(l -> l.length).sum();
        byte[] out = new byte[size];
        int pos = 0;
        for (byte[] line : lines) {
            System.arraycopy(line, 0, out, pos, line.length);
            pos += line.length;
        }
        return out;
    }

    /** The sort key: a SURT for web URLs, the URI itself for others such as {@code urn:}. */
    static String surt(String url) {
        return URIs.hasHttpOrHttpsScheme(url) ? URIs.toNormalizedSurt(url) : url;
    }
}
