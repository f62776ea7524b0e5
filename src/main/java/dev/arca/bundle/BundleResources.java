package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.fetch.ContentDecoder;
import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources a bundle holds, found by URL through its CDXJ index, as renderers embed them:
 * the body of the successful response for a URL, after the redirects the bundle recorded, decoded
 * from its Content-Encoding. Memory holds the index's offsets and one record at a time.
 */
public final class BundleResources {

    /** Redirects followed inside the bundle, as many as a fetch follows by default. */
    private static final int MAX_REDIRECTS = 10;

    /**
     * A resource's bytes.
     *
     * @param bytes       the body, decoded from any Content-Encoding
     * @param contentType the Content-Type the server gave, or null
     */
    public record Resource(byte[] bytes, String contentType) {
    }

    private record Line(long offset, long length, int status) {
    }

    private final BundleReader reader;
    private final Map<String, List<Line>> bySurt;

    private BundleResources(BundleReader reader, Map<String, List<Line>> bySurt) {
        this.reader = reader;
        this.bySurt = bySurt;
    }

    /** The resources of the bundle {@code reader} reads, which must stay open while they are used. */
    public static BundleResources of(BundleReader reader) throws IOException {
        Map<String, List<Line>> bySurt = new HashMap<>();
        try (InputStream in = reader.member(BundleWriter.INDEX_PATH);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int key = line.indexOf(' ');
                int json = key < 0 ? -1 : line.indexOf(' ', key + 1);
                if (json < 0) {
                    continue;
                }
                JsonNode fields = BundleJson.MAPPER.readTree(line.substring(json + 1));
                bySurt.computeIfAbsent(line.substring(0, key), k -> new ArrayList<>()).add(new Line(
                        fields.path("offset").asLong(), fields.path("length").asLong(), fields.path("status").asInt()));
            }
        }
        return new BundleResources(reader, bySurt);
    }

    /** The resource at {@code url}: empty when the bundle holds no successful response for it. */
    public Optional<Resource> find(String url) throws IOException {
        String current = url;
        for (int hops = 0; hops <= MAX_REDIRECTS && current != null; hops++) {
            List<Line> lines = bySurt.get(CdxjIndex.surt(current));
            if (lines == null) {
                return Optional.empty();
            }
            Line ok = lines.stream().filter(l -> l.status() / 100 == 2).findFirst().orElse(null);
            if (ok != null) {
                return Optional.ofNullable(read(ok, current));
            }
            Line redirect = lines.stream().filter(l -> l.status() / 100 == 3).findFirst().orElse(null);
            current = redirect == null ? null : location(redirect, current);
        }
        return Optional.empty();
    }

    private Resource read(Line line, String url) throws IOException {
        try (WarcReader warc = record(line)) {
            WarcRecord record = warc.next().orElse(null);
            if (record instanceof WarcResponse response) {
                String encoding = response.http().headers().first("Content-Encoding").orElse(null);
                ByteArrayOutputStream decoded = new ByteArrayOutputStream();
                WarcBlocks.copyDecoded(reader.path(), ContentDecoder.decoding(response.http().body().stream(), encoding),
                        WarcBlocks.length(reader.path(), record), decoded);
                return new Resource(decoded.toByteArray(), response.http().headers().first("Content-Type").orElse(null));
            }
            if (record instanceof WarcResource resource) {
                WarcBlocks.length(reader.path(), record);
                return new Resource(resource.body().stream().readAllBytes(), resource.contentType().toString());
            }
            throw new BundleException(reader.path(), BundleException.Reason.CORRUPT,
                    "the CDXJ line for " + url + " points at no response or resource");
        }
    }

    private String location(Line line, String url) throws IOException {
        try (WarcReader warc = record(line)) {
            WarcRecord record = warc.next().orElse(null);
            if (!(record instanceof WarcResponse response)) {
                return null;
            }
            Optional<String> location = response.http().headers().first("Location");
            return location.map(l -> URIs.parseLeniently(url).resolve(URI.create(l.strip())).toString()).orElse(null);
        } catch (IllegalArgumentException e) {
            return null; // a Location no URL can be made of leads nowhere
        }
    }

    /** A reader positioned at the record that {@code line} points at. */
    private WarcReader record(Line line) throws IOException {
        InputStream warc = reader.member(BundleWriter.WARC_PATH);
        try {
            warc.skipNBytes(line.offset());
            return new WarcReader(warc);
        } catch (IOException | RuntimeException e) {
            warc.close();
            throw e;
        }
    }
}
