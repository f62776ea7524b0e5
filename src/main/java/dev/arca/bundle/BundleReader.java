package dev.arca.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.arca.extract.Article;
import dev.arca.fetch.ContentDecoder;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;

/**
 * Reads a bundle written by {@link BundleWriter}: the Article without touching the WARC (cheap
 * enough to list thousands), and on demand the WARC, its records and the page as served.
 *
 * <p>Bundles may come from anywhere, so opening one refuses what arca never writes and what could
 * hurt a reader: unsafe or duplicate entry names, links, oversized or bomb-like members. The
 * Article and capture facts are checked against the bundle's manifest hashes before they are used.
 */
public final class BundleReader implements Closeable {

    private final Path path;
    private final ZipFile zip;
    private Manifest manifest;

    private BundleReader(Path path, ZipFile zip) {
        this.path = path;
        this.zip = zip;
    }

    /**
     * Opens the bundle at {@code path}; fails with a {@link BundleException} if it is not a ZIP, or
     * one no bundle could be (see {@link BundleLimits}).
     */
    public static BundleReader open(Path path) throws IOException {
        ZipTrailer.check(path);
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(path).get();
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException(path, BundleException.Reason.UNREADABLE,
                    "not a ZIP file, or one whose central directory is damaged", e);
        }
        try {
            checkEntries(path, zip);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
        return new BundleReader(path, zip);
    }

    private static void checkEntries(Path path, ZipFile zip) throws BundleException {
        Set<String> seen = new HashSet<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String name = entry.getName();
            String unsafe = EntryNames.unsafe(name);
            if (unsafe != null) {
                throw new BundleException(path, BundleException.Reason.UNSAFE,
                        "unsafe entry name \"" + EntryNames.shown(name) + "\" (" + unsafe + ")");
            }
            if (entry.isUnixSymlink()) {
                throw new BundleException(path, BundleException.Reason.UNSAFE, "entry " + EntryNames.shown(name) + " is a symbolic link");
            }
            if (!seen.add(name)) {
                throw new BundleException(path, BundleException.Reason.UNSAFE, "entry " + EntryNames.shown(name) + " appears twice");
            }
            if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
                // other methods need codecs arca does not ship (zstd, bzip2...): refuse, never try
                throw new BundleException(path, BundleException.Reason.UNREADABLE, "entry " + EntryNames.shown(name)
                        + " uses ZIP compression method " + entry.getMethod() + "; bundles are stored or deflated");
            }
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size < 0 || compressed < 0) {
                throw new BundleException(path, BundleException.Reason.UNREADABLE, "entry " + name + " has no size");
            }
            if (size > BundleLimits.maxSize(name)) {
                throw new BundleException(path, BundleException.Reason.TOO_LARGE, "entry " + name + " declares "
                        + size + " bytes, more than a bundle holds (" + BundleLimits.maxSize(name) + ")");
            }
            if (size > BundleLimits.RATIO_FLOOR && size / Math.max(1, compressed) > BundleLimits.MAX_RATIO) {
                throw new BundleException(path, BundleException.Reason.TOO_LARGE, "entry " + name
                        + " compresses more than " + BundleLimits.MAX_RATIO + ":1 (a ZIP bomb?)");
            }
        }
    }

    public Path path() {
        return path;
    }

    /** The Article from {@code article/article.json}, checked against the manifest. */
    public Article article() throws IOException {
        return readJson(BundleWriter.ARTICLE_PATH, BundleJson.MAPPER.readerFor(Article.class), "Article");
    }

    /**
     * The Article as listings, the index and {@code show} need it: without its {@code html}, and
     * with every string, the text included, cut to its first {@link BundleLimits#LISTED_STRING}
     * bytes. Read as a stream and checked against the manifest, so that memory does not grow with
     * the article, however long.
     */
    public Article articleForListing() throws IOException {
        Manifest manifest = manifest();
        String name = BundleWriter.ARTICLE_PATH;
        try (InputStream member = member(name)) {
            HashedStream hashed = new HashedStream(member);
            JsonParser json = BundleJson.FACTORY.createParser(new ShortenedStrings(hashed, BundleLimits.LISTED_STRING));
            try {
                Article article = BundleJson.ARTICLE_WITHOUT_HTML.readValue(json);
                hashed.drain();
                hashed.check(manifest, path, name);
                return article;
            } catch (BundleException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // a member that does not match its hash is damaged; only an intact one is "not valid"
                if (hashed.drainQuietly()) {
                    hashed.check(manifest, path, name);
                }
                throw notValid(name, "Article", e);
            } finally {
                json.close();
            }
        }
    }

    /**
     * What the steps derived from the capture could not do ({@code article/warnings.json}); none
     * for a bundle without that member, as every bundle was before it existed.
     */
    public List<CaptureWarning> warnings() throws IOException {
        if (!manifest().resources().containsKey(BundleWriter.WARNINGS_PATH)) {
            return List.of();
        }
        BundleJson.Warnings warnings = readJson(BundleWriter.WARNINGS_PATH,
                BundleJson.MAPPER.readerFor(BundleJson.Warnings.class), "list of warnings");
        return warnings.warnings();
    }

    /** The capture facts from {@code article/capture.json}, checked against the manifest. */
    public CaptureInfo info() throws IOException {
        return readJson(BundleWriter.CAPTURE_PATH, BundleJson.MAPPER.readerFor(CaptureInfo.class), "CaptureInfo");
    }

    private <T> T readJson(String name, ObjectReader reader, String what) throws IOException {
        byte[] bytes = bytes(name);
        manifest().check(path, name, Digests.sha256(bytes), bytes.length);
        try {
            return reader.readValue(bytes);
        } catch (IOException | RuntimeException e) {
            throw notValid(name, what, e);
        }
    }

    private BundleException notValid(String name, String what, Exception e) {
        return new BundleException(path, BundleException.Reason.CORRUPT, name + " is not a valid "
                + what + " (" + MemberStream.describe(e) + ")", e);
    }

    /** The manifest, after its own hash matched {@code datapackage-digest.json}. */
    Manifest manifest() throws IOException {
        if (manifest == null) {
            Manifest parsed = Manifest.parse(path, bytes(BundleWriter.DIGEST_PATH), bytes(BundleWriter.DATAPACKAGE_PATH));
            for (Manifest.Resource r : parsed.resources().values()) {
                ZipArchiveEntry entry = zip.getEntry(r.path());
                if (entry == null) {
                    throw new BundleException(path, BundleException.Reason.MISSING, "missing " + r.path());
                }
                if (entry.getSize() != r.bytes()) {
                    throw new BundleException(path, BundleException.Reason.CORRUPT, r.path() + " is " + entry.getSize()
                            + " bytes; " + BundleWriter.DATAPACKAGE_PATH + " says " + r.bytes());
                }
            }
            manifest = parsed;
        }
        return manifest;
    }

    /** The names of every entry, in central-directory order. */
    List<String> entryNames() {
        List<String> names = new ArrayList<>();
        zip.getEntries().asIterator().forEachRemaining(e -> names.add(e.getName()));
        return names;
    }

    /** Copies the WARC file, byte for byte, to {@code out}. */
    public void copyWarc(OutputStream out) throws IOException {
        try (InputStream in = member(BundleWriter.WARC_PATH)) {
            in.transferTo(out);
        }
    }

    /** True when another tool wrote the WACZ: it has none of arca's article members, only what WACZ 1.1.1 requires. */
    public boolean foreign() throws IOException {
        return manifest().foreign();
    }

    /**
     * The package's own description from {@code datapackage.json}, checked against its digest: its
     * top-level text fields ({@code title}, {@code software}, {@code created}, {@code mainPageUrl}, …)
     * in the order they are written, as {@code show} prints a WACZ another tool wrote.
     */
    public Map<String, String> packageFields() throws IOException {
        manifest();
        Map<String, String> fields = new LinkedHashMap<>();
        BundleJson.MAPPER.readTree(bytes(BundleWriter.DATAPACKAGE_PATH)).fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        return fields;
    }

    /** Every record of the WACZ's WARC files (arca's one, another tool's any number), in file order. */
    public List<RecordSummary> records() throws IOException {
        List<RecordSummary> out = new ArrayList<>();
        for (String warc : manifest().resources().keySet()) {
            if (warc.startsWith("archive/")) {
                records(warc, out);
            }
        }
        return out;
    }

    private void records(String warc, List<RecordSummary> out) throws IOException {
        try (InputStream in = member(warc); WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                String target = record instanceof WarcTargetRecord t ? t.target() : null;
                int status = record instanceof WarcResponse r ? r.http().status() : 0;
                out.add(new RecordSummary(record.type(), target, record.date(),
                        record.contentType().toString(), WarcBlocks.length(path, record), status));
            }
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damagedWarc(e);
        }
    }

    /**
     * Writes the page as the server sent it, decoded from any Content-Encoding: the body of the
     * final (non-redirect) response, or of the page resource for a capture of a local file.
     */
    public void copyOriginal(OutputStream out) throws IOException {
        try (InputStream in = member(BundleWriter.WARC_PATH); WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                long stored = WarcBlocks.length(path, record);
                if (record instanceof WarcResponse response && response.http().status() / 100 != 3) {
                    String encoding = response.http().headers().first("Content-Encoding").orElse(null);
                    WarcBlocks.copyDecoded(path, ContentDecoder.decoding(response.http().body().stream(), encoding), stored, out);
                    return;
                }
                if (record instanceof WarcResource && !isMarkdown(record)) {
                    record.body().stream().transferTo(out);
                    return;
                }
            }
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damagedWarc(e);
        }
        throw new BundleException(path, BundleException.Reason.MISSING, "no page record in the WARC");
    }

    private static boolean isMarkdown(WarcRecord record) {
        return record instanceof WarcTargetRecord t && t.target().startsWith(CaptureWarc.MARKDOWN_URI_PREFIX);
    }

    /** The stored Markdown resource, if the bundle has one. */
    public Optional<String> markdown() throws IOException {
        try (InputStream in = member(BundleWriter.WARC_PATH); WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResource && isMarkdown(record)) {
                    long length = WarcBlocks.length(path, record);
                    if (length > BundleLimits.maxSize(BundleWriter.ARTICLE_PATH)) {
                        throw new BundleException(path, BundleException.Reason.TOO_LARGE,
                                "the Markdown record is " + length + " bytes, more than arca reads");
                    }
                    return Optional.of(new String(record.body().stream().readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damagedWarc(e);
        }
    }

    private BundleException damagedWarc(Exception e) {
        return new BundleException(path, BundleException.Reason.CORRUPT,
                "damaged WARC (" + MemberStream.describe(e) + ")", e);
    }

    /** A member's bytes, held to the size the ZIP directory declares for it. */
    InputStream member(String name) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BundleException(path, BundleException.Reason.MISSING, "missing " + name);
        }
        try {
            return new MemberStream(zip.getInputStream(entry), path, name, entry.getSize());
        } catch (IOException | RuntimeException e) {
            throw new BundleException(path, BundleException.Reason.CORRUPT,
                    name + " cannot be read (" + MemberStream.describe(e) + ")", e);
        }
    }

    /** A small member read whole; {@link BundleLimits} bounds its size. */
    private byte[] bytes(String name) throws IOException {
        try (InputStream in = member(name)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
