package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    private final BundleReader reader;
    private final Path bundle;

    private BundleVerifier(BundleReader reader) {
        this.reader = reader;
        this.bundle = reader.path();
    }

    /** Verifies the bundle at {@code path}; damage is reported in the result, never thrown. */
    public static BundleCheck verify(Path path) {
        long size = size(path);
        try (BundleReader reader = BundleReader.open(path)) {
            new BundleVerifier(reader).check();
            return new BundleCheck(path, size, null, null);
        } catch (BundleException e) {
            return new BundleCheck(path, size, e.reason(), e.problem());
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
     * digests, an index is listed under {@code indexes/}, and {@code pages/pages.jsonl} starts with its
     * JSON header line.
     */
    private void checkForeign(Manifest manifest) throws IOException {
        int warcs = 0;
        int indexes = 0;
        for (Manifest.Resource r : manifest.resources().values()) {
            if (r.path().startsWith("archive/")) {
                warcs++;
                hashed(manifest, r.path(), in -> WarcCheck.read(bundle, in, r.bytes()));
            } else if (r.path().equals(BundleWriter.PAGES_PATH)) {
                hashed(manifest, r.path(), this::pagesHeader);
            } else {
                indexes += r.path().startsWith("indexes/") ? 1 : 0;
                hashed(manifest, r.path(), in -> null);
            }
        }
        if (warcs == 0) {
            throw new BundleException(bundle, BundleException.Reason.MISSING, BundleWriter.DATAPACKAGE_PATH + " lists no WARC under archive/");
        }
        if (indexes == 0) {
            throw new BundleException(bundle, BundleException.Reason.MISSING, BundleWriter.DATAPACKAGE_PATH + " lists no index under indexes/");
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
