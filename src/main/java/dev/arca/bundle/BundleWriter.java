package dev.arca.bundle;

import dev.arca.extract.Article;
import dev.arca.fetch.Capture;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.Resource;
import dev.arca.fetch.UrlNormalizer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;

/**
 * Writes one capture as a WACZ 1.1.1 file that web-archiving tools open as they are:
 * the WARC (stored, not deflated, so replay tools can seek into it), its CDXJ index, the page list,
 * the Article, and the data package manifest with a hash for every member.
 *
 * <p>Capture first: what was derived from the exchange may be missing, never the exchange. Without
 * Markdown there is no Markdown record; an article that cannot be written as JSON is stored as
 * {@linkplain Article#unextracted unextracted}; and when a {@link DerivedSteps} step failed or
 * warned, its {@link CaptureWarning}s are stored as {@code article/warnings.json} and, the same
 * bytes, as a second WARC metadata record.
 */
public final class BundleWriter {

    static final String WARC_PATH = "archive/" + CaptureWarc.FILENAME;
    static final String INDEX_PATH = "indexes/index.cdxj";
    static final String PAGES_PATH = "pages/pages.jsonl";
    static final String ARTICLE_PATH = "article/article.json";
    static final String CAPTURE_PATH = "article/capture.json";
    static final String WARNINGS_PATH = "article/warnings.json";
    static final String DATAPACKAGE_PATH = "datapackage.json";
    static final String DIGEST_PATH = "datapackage-digest.json";
    /** Characters of the article's description kept in datapackage.json, which readers hold whole. */
    private static final int MAX_DESCRIPTION = 1000;
    private static final DateTimeFormatter MILLISECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String software;
    private final BundleSigner signer;

    /** @param software the name and version recorded in warcinfo and datapackage.json, e.g. "arca 0.1.0" */
    public BundleWriter(String software) {
        this(software, null);
    }

    /** A writer that signs each bundle it writes with {@code signer} (none when null). */
    public BundleWriter(String software, BundleSigner signer) {
        this.software = software;
        this.signer = signer;
    }

    /**
     * Writes the bundle for {@code capture} to {@code out}, which it does not close.
     *
     * @param id       the capture's ID, used as the page ID
     * @param warcinfo extra warcinfo fields, e.g. the robots.txt decision
     */
    public void write(OutputStream out, String id, Capture capture, Article article, String markdown,
                      Map<String, String> warcinfo) throws IOException {
        write(out, id, capture, article, markdown, new DerivedSteps(), warcinfo);
    }

    /**
     * Writes the bundle for {@code capture} to {@code out}, which it does not close, with the
     * warnings of the derived steps that ran before; writing the article as JSON is one more.
     *
     * @param markdown the article as Markdown, or null when rendering it failed
     * @param steps    the derived steps of this capture, with their warnings so far
     */
    public void write(OutputStream out, String id, Capture capture, Article extracted, String markdown,
                      DerivedSteps steps, Map<String, String> warcinfo) throws IOException {
        write(out, id, capture, List.of(), extracted, markdown, steps, warcinfo);
    }

    /**
     * The same with the {@code resources} arca made of the page besides (a browser capture's rendered
     * DOM, screenshots and PDF), as resource records after the article's.
     */
    public void write(OutputStream out, String id, Capture capture, List<Resource> resources, Article extracted,
                      String markdown, DerivedSteps steps, Map<String, String> warcinfo) throws IOException {
        write(out, id, capture, extracted, steps, (articleJson, warningsJson) ->
                CaptureWarc.write(capture, resources, articleJson, markdown, warningsJson, software, warcinfo));
    }

    /**
     * Writes the bundle of a capture imported from another web archive: its WARC holds {@code records}
     * as they were in the source (see {@link SourceRecord}), not records rebuilt from the exchanges.
     *
     * @param page     the WARC-Record-ID of the page's response among {@code records}
     * @param warcinfo warcinfo fields, where a name may repeat (the provenance of each copied record)
     */
    public void writeCopied(OutputStream out, String id, Capture capture, List<SourceRecord> records, URI page,
                            Article extracted, String markdown, DerivedSteps steps,
                            List<Map.Entry<String, String>> warcinfo) throws IOException {
        write(out, id, capture, extracted, steps, (articleJson, warningsJson) ->
                CaptureWarc.copied(capture, records, page, articleJson, markdown, warningsJson, software, warcinfo));
    }

    /** How a bundle's WARC is made from the article and warnings as JSON (the latter null when none). */
    @FunctionalInterface
    private interface WarcMaker {
        WarcFile make(byte[] articleJson, byte[] warningsJson) throws IOException;
    }

    private void write(OutputStream out, String id, Capture capture, Article extracted, DerivedSteps steps,
                       WarcMaker warcs) throws IOException {
        Optional<byte[]> json = steps.run(CaptureWarning.ARTICLE_JSON, () -> BundleJson.article(extracted));
        Article article = json.isPresent() ? extracted : Article.unextracted(capture.url().toString(), capture.mediaType());
        byte[] articleJson = json.isPresent() ? json.get() : BundleJson.article(article);
        List<CaptureWarning> warnings = steps.warnings();
        byte[] warningsJson = warnings.isEmpty() ? null : BundleJson.warnings(warnings);
        try (WarcFile warc = warcs.make(articleJson, warningsJson)) {
            write(out, id, capture, article, articleJson, warningsJson, steps, warc);
        }
    }

    private void write(OutputStream out, String id, Capture capture, Article article, byte[] articleJson, byte[] warningsJson,
                       DerivedSteps steps, WarcFile warc) throws IOException {
        Instant date = capture.date();
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put(INDEX_PATH, CdxjIndex.of(warc.index(), CaptureWarc.FILENAME));
        members.put(PAGES_PATH, pages(id, capture, article));
        members.put(ARTICLE_PATH, articleJson);
        if (warningsJson != null) {
            members.put(WARNINGS_PATH, warningsJson);
        }
        members.put(CAPTURE_PATH, BundleJson.pretty(info(id, capture, article)));
        byte[] datapackage = datapackage(warc.content(), members, capture, article);
        members.put(DATAPACKAGE_PATH, datapackage);
        String hash = Digests.sha256(datapackage);
        // capture first: a key or time-stamping authority that fails leaves the bundle unsigned, with a warning
        Map<String, Object> signature = signer == null ? null
                : steps.run(CaptureWarning.SIGN, () -> signer.signedData(hash)).orElse(null);
        members.put(DIGEST_PATH, digestFile(hash, signature));

        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new NonClosing(out));
        zip.setLevel(CaptureWarc.DEFLATE_LEVEL);
        // stored, so that replay tools can read records at their CDXJ offsets directly
        ZipArchiveEntry warcEntry = entry(WARC_PATH, date);
        warcEntry.setMethod(ZipEntry.STORED);
        warcEntry.setSize(warc.content().size());
        warcEntry.setCrc(warc.content().crc());
        zip.putArchiveEntry(warcEntry);
        warc.content().writeTo(zip);
        zip.closeArchiveEntry();
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            ZipArchiveEntry entry = entry(member.getKey(), date);
            entry.setMethod(ZipEntry.DEFLATED);
            zip.putArchiveEntry(entry);
            zip.write(member.getValue());
            zip.closeArchiveEntry();
        }
        zip.finish();
        zip.close();
    }

    private static ZipArchiveEntry entry(String path, Instant date) {
        ZipArchiveEntry entry = new ZipArchiveEntry(path);
        entry.setTime(date.toEpochMilli());
        entry.setUnixMode(0100644);
        return entry;
    }

    private CaptureInfo info(String id, Capture capture, Article article) {
        Exchange last = capture.finalExchange();
        String requested = capture.requested().toString();
        String normalized = capture.requested().getScheme().startsWith("http")
                ? UrlNormalizer.normalize(capture.requested()).toString() : requested;
        return new CaptureInfo(id, requested, normalized, capture.url().toString(), capture.date().toString(),
                last == null ? 0 : last.status(), capture.mediaType(), ContentHash.of(article), software);
    }

    private static byte[] pages(String id, Capture capture, Article article) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", "json-pages-1.0");
        header.put("id", "pages");
        header.put("title", "All Pages");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id);
        page.put("url", capture.url().toString());
        page.put("ts", timestamp(capture.date()));
        if (article.title() != null) {
            page.put("title", article.title());
        }
        if (article.text() != null && !article.text().isEmpty()) {
            // as browsertrix writes it: ReplayWeb.page's full-text search reads this field
            page.put("text", article.text());
        }
        String text = BundleJson.line(header) + "\n" + BundleJson.line(page) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] datapackage(SpillBuffer warc, Map<String, byte[]> members, Capture capture, Article article) throws IOException {
        List<Map<String, Object>> resources = new ArrayList<>();
        resources.add(resource(WARC_PATH, warc.sha256(), warc.size()));
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            resources.add(resource(member.getKey(), Digests.sha256(member.getValue()), member.getValue().length));
        }
        Map<String, Object> dp = new LinkedHashMap<>();
        dp.put("profile", "data-package");
        dp.put("wacz_version", "1.1.1");
        dp.put("title", article.title() != null ? article.title() : capture.url().toString());
        dp.put("description", description(article, capture));
        String now = timestamp(Instant.now());
        dp.put("created", now);
        dp.put("modified", now);
        dp.put("software", software);
        dp.put("mainPageUrl", capture.url().toString());
        dp.put("mainPageDate", timestamp(capture.date()));
        dp.put("resources", resources);
        return BundleJson.pretty(dp);
    }

    private static Map<String, Object> resource(String path, String hash, long bytes) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", path.substring(path.lastIndexOf('/') + 1));
        resource.put("path", path);
        resource.put("hash", hash);
        resource.put("bytes", bytes);
        return resource;
    }

    /** {@code datapackage-digest.json}: the path and hash of datapackage.json, and the signature when there is one. */
    static byte[] digestFile(String hash, Map<String, Object> signedData) throws IOException {
        Map<String, Object> digest = new LinkedHashMap<>();
        digest.put("path", DATAPACKAGE_PATH);
        digest.put("hash", hash);
        if (signedData != null) {
            digest.put("signedData", signedData);
        }
        return (BundleJson.line(digest) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** What the bundle holds, in a line: the article's own description, else where and when it was captured. */
    private String description(Article article, Capture capture) {
        if (article.description() != null && !article.description().isBlank()) {
            return CaptureWarning.clipped(article.description().strip(), MAX_DESCRIPTION);
        }
        return "The page " + capture.url() + " as " + software + " captured it on " + timestamp(capture.date());
    }

    /** An RFC 3339 time in UTC to the second, as a signature's {@code created} has it (issue 14). */
    static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A page's or the package's time: RFC 3339 in UTC with milliseconds, always three digits, as browsertrix and js-wacz write it. */
    private static String timestamp(Instant instant) {
        return MILLISECONDS.format(instant);
    }

    /** Lets the ZIP stream finish its central directory without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
