package dev.arca.bundle;

import dev.arca.fetch.Capture;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.MediaTypes;
import dev.arca.fetch.Recording;
import dev.arca.fetch.Resource;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one capture as a WARC/1.1 file, every record its own gzip member: warcinfo, then a
 * request and response per hop (or one resource for a local file), then the article as a metadata
 * record, the Markdown as a resource (unless rendering it failed), and the warnings of the derived
 * steps as a second metadata record when there are any. A browser capture's {@link Recording} adds
 * a request and response for every other response the page loaded, after the page's own, and its
 * rendered DOM and screenshots as resource records at the end.
 */
final class CaptureWarc {

    static final String FILENAME = "data.warc.gz";
    static final String MARKDOWN_URI_PREFIX = "urn:arca:markdown:";
    // set as text: jwarc would print its own WarcDigest in base32, which its validator rejects for sha256
    private static final String BLOCK_DIGEST = "WARC-Block-Digest";
    private static final String PAYLOAD_DIGEST = "WARC-Payload-Digest";

    /**
     * The deflate level of the WARC's gzip members and the bundle's ZIP entries. jwarc's own gzip
     * writer uses 9, which made compression most of a batch's CPU time; on a 50 KB article page,
     * level 4 writes the bundle 2.3 times faster than 6 for a bundle 16% larger.
     */
    static final int DEFLATE_LEVEL = 4;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream recordBuffer = new ByteArrayOutputStream();
    private final WarcWriter writer;
    private final List<IndexedRecord> index = new ArrayList<>();

    private CaptureWarc() throws IOException {
        writer = new WarcWriter(Channels.newChannel(recordBuffer), WarcCompression.NONE);
    }

    /**
     * Writes the WARC for {@code capture}.
     *
     * @param articleJson the Article as JSON, stored in the metadata record
     * @param markdown    the article as Markdown, stored as a resource record; null for none
     * @param warnings    the warnings of the derived steps as JSON, a metadata record; null for none
     * @param info        warcinfo fields beyond software and format, e.g. the robots policy
     */
    static WarcFile write(Capture capture, byte[] articleJson, String markdown, byte[] warnings, String software,
                          Map<String, String> info) throws IOException {
        return write(capture, Recording.NONE, articleJson, markdown, warnings, software, info);
    }

    /** Writes the WARC for {@code capture} and what the browser recorded of it besides. */
    static WarcFile write(Capture capture, Recording recording, byte[] articleJson, String markdown, byte[] warnings,
                          String software, Map<String, String> info) throws IOException {
        CaptureWarc warc = new CaptureWarc();
        warc.warcinfo(software, info, capture.date());
        URI page = capture.exchanges().isEmpty() ? warc.pageResource(capture) : warc.exchanges(capture.exchanges());
        warc.exchanges(recording.loaded());
        warc.metadata(articleJson, page, capture.date());
        if (markdown != null) {
            warc.markdown(markdown, capture.url(), page, capture.date());
        }
        if (warnings != null) {
            warc.metadata(warnings, page, capture.date());
        }
        for (Resource resource : recording.resources()) {
            warc.resource(resource, page);
        }
        warc.writer.close();
        return new WarcFile(warc.buffer.toByteArray(), warc.index);
    }

    private void warcinfo(String software, Map<String, String> extra, Instant date) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of(software));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("conformsTo", List.of("http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        extra.forEach((k, v) -> fields.put(k, List.of(v)));
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(k).append(": ").append(v.get(0)).append("\r\n"));
        byte[] block = body.toString().getBytes(StandardCharsets.UTF_8);
        write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).recordId(newId()).date(date)
                .filename(FILENAME).body(MediaType.WARC_FIELDS, block)
                .setHeader(BLOCK_DIGEST, Digests.sha256(block)).build(), null);
    }

    /** Writes each exchange's request and response; returns the last response's record ID. */
    private URI exchanges(List<Exchange> exchanges) throws IOException {
        URI last = null;
        for (Exchange hop : exchanges) {
            URI responseId = newId();
            byte[] request = HttpMessages.request(hop);
            WarcRequest.Builder req = new WarcRequest.Builder(hop.uri()).version(MessageVersion.WARC_1_1)
                    .recordId(newId()).date(hop.date()).concurrentTo(responseId)
                    .body(MediaType.HTTP_REQUEST, request).setHeader(BLOCK_DIGEST, Digests.sha256(request));
            byte[] response = HttpMessages.response(hop);
            String payloadDigest = Digests.sha256(hop.body());
            WarcResponse.Builder resp = new WarcResponse.Builder(hop.uri()).version(MessageVersion.WARC_1_1)
                    .recordId(responseId).date(hop.date())
                    .body(MediaType.HTTP_RESPONSE, response).setHeader(BLOCK_DIGEST, Digests.sha256(response))
                    .setHeader(PAYLOAD_DIGEST, payloadDigest);
            if (hop.ipAddress() != null) {
                req.ipAddress(hop.ipAddress());
                resp.ipAddress(hop.ipAddress());
            }
            write(req.build(), null);
            String mime = hop.responseHeader("Content-Type").map(MediaTypes::of).orElse("unk");
            write(resp.build(), new IndexedRecord(hop.uri().toString(), hop.date(), mime, hop.status(),
                    payloadDigest, 0, 0));
            last = responseId;
        }
        return last;
    }

    /** A local file has no exchange: the page is a resource record. */
    private URI pageResource(Capture capture) throws IOException {
        URI id = newId();
        String mime = capture.mediaType() == null ? "application/octet-stream" : capture.mediaType();
        byte[] body = capture.body();
        String sha = Digests.sha256(body);
        write(new WarcResource.Builder(capture.url()).version(MessageVersion.WARC_1_1).recordId(id)
                .date(capture.date()).body(MediaType.parseLeniently(mime), body)
                .setHeader(BLOCK_DIGEST, sha).setHeader(PAYLOAD_DIGEST, sha).build(),
                new IndexedRecord(capture.url().toString(), capture.date(), mime, 200, sha, 0, 0));
        return id;
    }

    /** A JSON document about the page: the article, or the warnings of the steps derived from it. */
    private void metadata(byte[] json, URI page, Instant date) throws IOException {
        // no WARC-Target-URI: replay indexes would let it shadow the page
        write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).recordId(newId()).date(date)
                .addHeader("WARC-Refers-To", "<" + page + ">")
                .body(MediaType.JSON, json).setHeader(BLOCK_DIGEST, Digests.sha256(json)).build(), null);
    }

    private void markdown(String markdown, URI url, URI page, Instant date) throws IOException {
        byte[] body = markdown.getBytes(StandardCharsets.UTF_8);
        resource(new Resource(URI.create(MARKDOWN_URI_PREFIX + url), date, "text/markdown;charset=utf-8", body), page);
    }

    /** A resource record of the page's, under its own {@code urn:} target, indexed so that replay tools find it. */
    private void resource(Resource resource, URI page) throws IOException {
        String sha = Digests.sha256(resource.body());
        MediaType type = MediaType.parseLeniently(resource.mediaType());
        write(new WarcResource.Builder(resource.target()).version(MessageVersion.WARC_1_1).recordId(newId())
                .date(resource.date()).concurrentTo(page).body(type, resource.body())
                .setHeader(BLOCK_DIGEST, sha).setHeader(PAYLOAD_DIGEST, sha).build(),
                new IndexedRecord(resource.target().toString(), resource.date(), MediaTypes.of(resource.mediaType()), 200,
                        sha, 0, 0));
    }

    /** Writes {@code record} as a gzip member of its own, so that readers can seek to any record. */
    private void write(WarcRecord record, IndexedRecord entry) throws IOException {
        recordBuffer.reset();
        writer.write(record);
        long offset = buffer.size();
        try (GZIPOutputStream gzip = new LeveledGzip(buffer, DEFLATE_LEVEL)) {
            recordBuffer.writeTo(gzip);
        }
        if (entry != null) {
            index.add(new IndexedRecord(entry.url(), entry.date(), entry.mime(), entry.status(), entry.digest(),
                    offset, buffer.size() - offset));
        }
    }

    /** A gzip member at a chosen deflate level. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 1 << 16);
            def.setLevel(level);
        }
    }

    private static URI newId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

}
