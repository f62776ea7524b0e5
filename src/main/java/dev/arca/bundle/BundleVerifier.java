package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a bundle end to end, as {@code arca verify} and {@code arca restore} need: the manifest
 * against its digest file, every member against the manifest's hash and size, every WARC record
 * against its block and payload digests, every CDXJ line against the record it names, and the
 * Article against the WARC's metadata record. Each member is read once, as a stream, so memory
 * does not grow with the bundle.
 */
public final class BundleVerifier {

    /** Reads a member's stream; what it returns is used once the member's hash is known good. */
    @FunctionalInterface
    private interface MemberCheck<T> {
        T read(InputStream in) throws IOException;
    }

    private static final String ARCHIVE = "archive/";

    private final BundleReader reader;
    private final Path bundle;
    /** How a foreign WACZ's index lines resolved, once they have been read. */
    private IndexResolution index;

    private BundleVerifier(BundleReader reader) {
        this.reader = reader;
        this.bundle = reader.path();
    }

    /** Verifies the bundle at {@code path}; damage is reported in the result, never thrown. */
    public static BundleCheck verify(Path path) {
        long size = size(path);
        BundleVerifier verifier = null;
        try (BundleReader reader = BundleReader.open(path)) {
            verifier = new BundleVerifier(reader);
            verifier.check();
            return new BundleCheck(path, size, null, null, verifier.index);
        } catch (BundleException e) {
            return new BundleCheck(path, size, e.reason(), e.problem(), verifier == null ? null : verifier.index);
        } catch (IOException | RuntimeException e) {
            return new BundleCheck(path, size, BundleException.Reason.UNREADABLE,
                    "cannot be read (" + MemberStream.describe(e) + ")");
        }
    }

    /** Verifies the bundle read by {@code reader}, throwing the first damage found. */
    public static void check(BundleReader reader) throws IOException {
        new BundleVerifier(reader).check();
    }

    private void check() throws IOException {
        Manifest manifest = reader.manifest();
        if (manifest.foreign()) {
            checkForeign(manifest);
            return;
        }
        for (String name : reader.entryNames()) {
            if (!name.equals(BundleWriter.DATAPACKAGE_PATH) && !name.equals(BundleWriter.DIGEST_PATH)
                    && !manifest.resources().containsKey(name)) {
                throw Manifest.corrupt(bundle, name + " is not listed in " + BundleWriter.DATAPACKAGE_PATH);
            }
        }
        long warcSize = manifest.resources().get(BundleWriter.WARC_PATH).bytes();
        WarcCheck.Result warc = hashed(manifest, BundleWriter.WARC_PATH, in -> WarcCheck.read(bundle, in, warcSize));
        hashed(manifest, BundleWriter.ARTICLE_PATH, in -> null);
        List<String> metadata = warc.metadataBlocks();
        if (metadata.isEmpty()) {
            throw new BundleException(bundle, BundleException.Reason.MISSING, "the WARC has no metadata record");
        }
        if (!metadata.get(0).equals(manifest.resources().get(BundleWriter.ARTICLE_PATH).hash())) {
            throw Manifest.corrupt(bundle, BundleWriter.ARTICLE_PATH + " differs from the WARC metadata record");
        }
        Manifest.Resource warnings = manifest.resources().get(BundleWriter.WARNINGS_PATH);
        if (warnings != null && !metadata.subList(1, metadata.size()).contains(warnings.hash())) {
            throw Manifest.corrupt(bundle, BundleWriter.WARNINGS_PATH + " differs from the WARC's warnings record");
        }
        hashed(manifest, BundleWriter.INDEX_PATH, in -> {
            CdxjCheck.check(bundle, new BufferedInputStream(in, 1 << 16), warc);
            return null;
        });
        for (Manifest.Resource r : manifest.resources().values()) {
            if (!r.path().equals(BundleWriter.WARC_PATH) && !r.path().equals(BundleWriter.ARTICLE_PATH)
                    && !r.path().equals(BundleWriter.INDEX_PATH)) {
                hashed(manifest, r.path(), in -> null);
            }
        }
    }

    /**
     * A WACZ another tool wrote, held to what WACZ 1.1.1 requires rather than to arca's own members:
     * every listed member matches its hash and size, each WARC under {@code archive/} reads with valid
     * digests, an index is listed under {@code indexes/} and each of its lines resolves to a record of
     * those WARCs, and {@code pages/pages.jsonl} starts with its JSON header line. A WARC whose records
     * are sound but whose listed hash is wrong (js-wacz 0.1.6 lists one) is reported once its index
     * lines have been resolved, so that the report says both.
     */
    private void checkForeign(Manifest manifest) throws IOException {
        Map<String, WarcCheck.Result> warcs = new LinkedHashMap<>();
        List<String> indexes = new ArrayList<>();
        int listedIndexes = 0;
        BundleException mislisted = null;
        for (Manifest.Resource r : manifest.resources().values()) {
            String name = r.path().startsWith(ARCHIVE) ? r.path().substring(ARCHIVE.length()) : null;
            try {
                if (name != null) {
                    hashed(manifest, r.path(), in -> warcs.put(name, WarcCheck.read(bundle, in, r.bytes()).located()));
                } else if (r.path().equals(BundleWriter.PAGES_PATH)) {
                    hashed(manifest, r.path(), this::pagesHeader);
                } else if (ForeignIndexCheck.isIndex(r.path())) {
                    indexes.add(r.path());
                } else {
                    hashed(manifest, r.path(), in -> null);
                }
            } catch (BundleException e) {
                if (name == null || !warcs.containsKey(name)) {
                    throw e;
                }
                mislisted = mislisted == null ? e : mislisted;
            }
            listedIndexes += r.path().startsWith("indexes/") ? 1 : 0;
        }
        if (warcs.isEmpty()) {
            throw new BundleException(bundle, BundleException.Reason.MISSING, BundleWriter.DATAPACKAGE_PATH + " lists no WARC under archive/");
        }
        if (listedIndexes == 0) {
            throw new BundleException(bundle, BundleException.Reason.MISSING, BundleWriter.DATAPACKAGE_PATH + " lists no index under indexes/");
        }
        ForeignIndexCheck lines = new ForeignIndexCheck(bundle, warcs);
        for (String name : ForeignIndexCheck.inReadingOrder(indexes)) {
            hashed(manifest, name, in -> {
                lines.read(name, in);
                return null;
            });
        }
        index = indexes.isEmpty() ? null : lines.result();
        if (mislisted != null) {
            throw mislisted;
        }
        if (index != null && !index.ok()) {
            throw new BundleException(bundle, BundleException.Reason.CORRUPT, index.summary());
        }
    }

    private Void pagesHeader(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n' && line.size() < 1 << 16; b = in.read()) {
            line.write(b);
        }
        JsonNode header;
        try {
            header = BundleJson.MAPPER.readTree(line.toByteArray());
        } catch (IOException e) {
            header = null;
        }
        if (header == null || !header.isObject() || !header.has("format")) {
            throw Manifest.corrupt(bundle, BundleWriter.PAGES_PATH + " does not start with a JSON header line naming its format");
        }
        return null;
    }

    /**
     * Runs {@code check} over a member while hashing it, then compares the hash and size with the
     * manifest. When both fail, the hash mismatch is reported: it is the damage, the rest follows.
     */
    private <T> T hashed(Manifest manifest, String name, MemberCheck<T> check) throws IOException {
        try (InputStream member = reader.member(name); HashedStream in = new HashedStream(member, manifest.foreign())) {
            T result;
            try {
                result = check.read(in);
            } catch (BundleException e) {
                if (in.drainQuietly()) {
                    in.check(manifest, bundle, name);
                }
                throw e;
            }
            in.drain();
            in.check(manifest, bundle, name);
            return result;
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }
}
