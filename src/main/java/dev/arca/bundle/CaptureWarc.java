package dev.arca.bundle;

import dev.arca.fetch.Capture;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.FetchedRequisite;
import dev.arca.fetch.MediaTypes;
import dev.arca.fetch.Resource;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one capture as a WARC/1.1 file, every record its own gzip member: warcinfo, then a
 * request and response per hop (or one resource for a local file), then those of the page's
 * requisites, then the article as a metadata record, the requisites that got no response (network
 * errors) as a metadata record when there are any, the Markdown as a resource (unless rendering it failed), the warnings of the derived
 * steps as a second metadata record when there are any, and last the {@link Resource}s arca made of
 * the page (a browser capture's rendered DOM, screenshots and PDF).
 *
 * <p>A browser capture's other responses (scripts, stylesheets, images, XHR) are the capture's
 * requisites like a static capture's, so they are written the same way, after the page's own.
 */
final class CaptureWarc {

    static final String FILENAME = "data.warc.gz";
    static final String MARKDOWN_URI_PREFIX = "urn:arca:markdown:";
    /** The target of the article's metadata record, followed by the page URL, as browsertrix's {@code urn:text:}. */
    static final String ARTICLE_URI_PREFIX = "urn:arca:article:";
    /** The target of the warnings' metadata record, followed by the page URL. */
    static final String WARNINGS_URI_PREFIX = "urn:arca:warnings:";
    /** The target of the record listing requisites that got no response, followed by the page URL. */
    static final String UNREACHED_URI_PREFIX = "urn:arca:unreached:";
    // set as text: jwarc would print its own WarcDigest in base32, which its validator rejects for sha256
    private static final String BLOCK_DIGEST = "WARC-Block-Digest";
    private static final String PAYLOAD_DIGEST = "WARC-Payload-Digest";

    /**
     * The deflate level of the WARC's gzip members and the bundle's ZIP entries. jwarc's own gzip
     * writer uses 9, which made compression most of a batch's CPU time; on a 50 KB article page,
     * level 4 writes the bundle 2.3 times faster than 6 for a bundle 16% larger.
     */
    static final int DEFLATE_LEVEL = 4;

    private final SpillBuffer buffer = new SpillBuffer();
    private final WarcWriter writer;
    private final List<IndexedRecord> index = new ArrayList<>();
    /** The gzip member of the record being written: jwarc writes each record straight into its own. */
    private LeveledGzip member;

    private CaptureWarc() throws IOException {
        writer = new WarcWriter(Channels.newChannel(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                member.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                member.write(b, off, len);
            }
        }), WarcCompression.NONE);
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
        return write(capture, List.of(), articleJson, markdown, warnings, software, info);
    }

    /** Writes the WARC for {@code capture} and the {@code resources} made of its page. */
    static WarcFile write(Capture capture, List<Resource> resources, byte[] articleJson, String markdown, byte[] warnings,
                          String software, Map<String, String> info) throws IOException {
        CaptureWarc warc = new CaptureWarc();
        try {
            warc.warcinfo(software, List.copyOf(info.entrySet()), capture.date());
            URI page = capture.exchanges().isEmpty() ? warc.pageResource(capture) : warc.exchanges(capture);
            warc.requisites(capture);
            return warc.derived(capture, page, articleJson, markdown, warnings, resources);
        } catch (IOException | RuntimeException | Error e) {
            warc.buffer.close();
            throw e;
        }
    }

    /**
     * Writes the WARC of an imported capture: warcinfo, then {@code records} copied from the source
     * archive as they are (the page's requests and responses, its resources), then the derived records.
     *
     * @param page the WARC-Record-ID of the page's response among {@code records}
     * @param info warcinfo fields beyond software and format, a name may repeat (one per copied record)
     */
    static WarcFile copied(Capture capture, List<SourceRecord> records, URI page, byte[] articleJson, String markdown,
                           byte[] warnings, String software, List<Map.Entry<String, String>> info) throws IOException {
        CaptureWarc warc = new CaptureWarc();
        try {
            warc.warcinfo(software, info, capture.date());
            for (SourceRecord record : records) {
                warc.member(record.bytes(), indexed(record.bytes()));
            }
            return warc.derived(capture, page, articleJson, markdown, warnings, List.of());
        } catch (IOException | RuntimeException | Error e) {
            warc.buffer.close();
            throw e;
        }
    }

    /**
     * The article, Markdown and warnings records, about the page record {@code page}, and the resources
     * made of the page; then the finished WARC.
     */
    private WarcFile derived(Capture capture, URI page, byte[] articleJson, String markdown, byte[] warnings,
                             List<Resource> resources) throws IOException {
        metadata(articleJson, ARTICLE_URI_PREFIX + capture.url(), page, capture.date());
        byte[] unreached = BundleJson.unreachedRequisites(capture.requisites());
        if (unreached != null) {
            metadata(unreached, UNREACHED_URI_PREFIX + capture.url(), page, capture.date());
        }
        if (markdown != null) {
            markdown(markdown, capture.url(), page, capture.date());
        }
        if (warnings != null) {
            metadata(warnings, WARNINGS_URI_PREFIX + capture.url(), page, capture.date());
        }
        for (Resource resource : resources) {
            resource(resource, page);
        }
        writer.close();
        buffer.finish();
        return new WarcFile(buffer, index);
    }

    /**
     * The index entry of a copied response or resource, with the SHA-256 of its payload as the bundle's
     * own records have; none for other records (a revisit is replayed from the response it refers to).
     */
    private static IndexedRecord indexed(byte[] bytes) throws IOException {
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(bytes))) {
            WarcRecord record = reader.next().orElseThrow(() -> new IOException("no record in a copied record's bytes"));
            if (record instanceof WarcResponse response) {
                HttpResponse http = response.http();
                String mime = http.headers().first("Content-Type").map(MediaTypes::of).orElse("unk");
                // the payload as verify digests it: the bytes after the HTTP head, chunked or not
                byte[] payload = http.body().stream().readAllBytes();
                return new IndexedRecord(response.target(), response.date(), mime == null ? "unk" : mime,
                        http.status(), Digests.sha256(payload), 0, 0);
            }
            if (record instanceof WarcResource resource) {
                byte[] block = resource.body().stream().readAllBytes();
                return new IndexedRecord(resource.target(), resource.date(), resource.contentType().base().toString(), 200,
                        Digests.sha256(block), 0, 0);
            }
            return null;
        }
    }

    private void warcinfo(String software, List<Map.Entry<String, String>> extra, Instant date) throws IOException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("software", software));
        fields.add(Map.entry("format", "WARC File Format 1.1"));
        fields.add(Map.entry("conformsTo", "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        fields.addAll(extra);
        StringBuilder body = new StringBuilder();
        fields.forEach(f -> body.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n"));
        byte[] block = body.toString().getBytes(StandardCharsets.UTF_8);
        write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).recordId(newId()).date(date)
                .filename(FILENAME).body(MediaType.WARC_FIELDS, block)
                .setHeader(BLOCK_DIGEST, Digests.sha256(block)).build(), null);
    }

    /** Writes each hop's request and response; returns the final response's record ID. */
    private URI exchanges(Capture capture) throws IOException {
        URI last = null;
        for (Exchange hop : capture.exchanges()) {
            last = exchange(hop);
        }
        return last;
    }

    /** Writes the exchanges of the page's requisites, each under the same rules as the page's own. */
    private void requisites(Capture capture) throws IOException {
        for (FetchedRequisite fetched : capture.requisites()) {
            for (Exchange hop : fetched.exchanges()) {
                exchange(hop);
            }
        }
    }

    /** Writes one request and its response, each with its own CDXJ line for the response; returns the response's record ID. */
    private URI exchange(Exchange hop) throws IOException {
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
        return responseId;
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
    private void metadata(byte[] json, String target, URI page, Instant date) throws IOException {
        // a urn: target, not the page's URL, which replay would then answer with this record; indexers
        // such as warcio.js need a target on every record they index
        write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).recordId(newId()).date(date).targetURI(target)
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
        long offset = buffer.size();
        member = new LeveledGzip(buffer, DEFLATE_LEVEL);
        try {
            writer.write(record);
        } finally {
            member.end();
            member = null;
        }
        indexed(entry, offset);
    }

    /** Writes a record's bytes as a gzip member, indexed by {@code entry} when it is not null. */
    private void member(byte[] record, IndexedRecord entry) throws IOException {
        long offset = buffer.size();
        LeveledGzip gzip = new LeveledGzip(buffer, DEFLATE_LEVEL);
        try {
            gzip.write(record);
        } finally {
            gzip.end();
        }
        indexed(entry, offset);
    }

    private void indexed(IndexedRecord entry, long offset) {
        if (entry != null) {
            index.add(new IndexedRecord(entry.url(), entry.date(), entry.mime(), entry.status(), entry.digest(),
                    offset, buffer.size() - offset));
        }
    }

    /** A gzip member at a chosen deflate level. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out, int level) throws IOException {
            super(out, 1 << 16);
            def.setLevel(level);
        }

        /** Writes the member's trailer and frees its deflater, leaving the WARC open for the next member. */
        void end() throws IOException {
            try {
                finish();
            } finally {
                def.end();
            }
        }
    }

    private static URI newId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

}
