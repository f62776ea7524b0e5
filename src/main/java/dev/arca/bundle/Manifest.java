package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle's {@code datapackage.json}, trusted only after its own hash matched
 * {@code datapackage-digest.json}: the hash and size of every other member.
 *
 * @param resources each listed member's path, hash ({@code sha256:<hex>}) and size
 * @param foreign   true when another tool wrote it ({@code software} does not name arca): then only what
 *                  WACZ 1.1.1 requires is required, not arca's own members
 */
record Manifest(Map<String, Resource> resources, boolean foreign) {

    /** One {@code resources[]} entry. */
    record Resource(String path, String hash, long bytes) {
    }

    /** The members a bundle cannot do without. */
    static final List<String> REQUIRED = List.of(BundleWriter.WARC_PATH, BundleWriter.INDEX_PATH,
            BundleWriter.PAGES_PATH, BundleWriter.ARTICLE_PATH);

    Manifest {
        resources = Map.copyOf(resources);
    }

    /** Parses and checks {@code datapackage.json} against the hash in {@code datapackage-digest.json}. */
    static Manifest parse(Path bundle, byte[] digestFile, byte[] datapackage) throws BundleException {
        JsonNode digest = json(bundle, BundleWriter.DIGEST_PATH, digestFile);
        if (!BundleWriter.DATAPACKAGE_PATH.equals(digest.path("path").asText())) {
            throw corrupt(bundle, BundleWriter.DIGEST_PATH + " does not name " + BundleWriter.DATAPACKAGE_PATH);
        }
        String found = Digests.sha256(datapackage);
        if (!found.equals(digest.path("hash").asText())) {
            throw corrupt(bundle, BundleWriter.DATAPACKAGE_PATH + " does not match its hash in "
                    + BundleWriter.DIGEST_PATH + " (found " + found + ")");
        }
        JsonNode root = json(bundle, BundleWriter.DATAPACKAGE_PATH, datapackage);
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (JsonNode r : root.path("resources")) {
            String path = r.path("path").asText("");
            String hash = r.path("hash").asText("");
            if (path.isEmpty() || !hash.startsWith("sha256:") || !r.path("bytes").canConvertToLong()) {
                throw corrupt(bundle, BundleWriter.DATAPACKAGE_PATH + " has a resource without path, sha256 hash or bytes");
            }
            if (resources.put(path, new Resource(path, hash, r.path("bytes").asLong())) != null) {
                throw corrupt(bundle, BundleWriter.DATAPACKAGE_PATH + " lists " + path + " twice");
            }
        }
        boolean foreign = !root.path("software").asText("").startsWith("arca");
        if (foreign && !"data-package".equals(root.path("profile").asText())) {
            throw corrupt(bundle, BundleWriter.DATAPACKAGE_PATH + " does not have the profile \"data-package\"");
        }
        for (String required : foreign ? List.of(BundleWriter.PAGES_PATH) : REQUIRED) {
            if (!resources.containsKey(required)) {
                throw new BundleException(bundle, BundleException.Reason.MISSING,
                        BundleWriter.DATAPACKAGE_PATH + " does not list " + required);
            }
        }
        return new Manifest(resources, foreign);
    }

    /** Fails unless {@code bytes} are what the manifest lists for {@code member}. */
    void check(Path bundle, String member, String hash, long bytes) throws BundleException {
        check(bundle, member, hash, bytes, null);
    }

    /**
     * As {@link #check(Path, String, String, long)}; for a foreign WACZ the problem names the listed
     * and the actual hash, and {@code jsWaczHash} (the hash as js-wacz 0.1.6 miscomputes it, or
     * null) names that cause when it is the listed one.
     */
    void check(Path bundle, String member, String hash, long bytes, String jsWaczHash) throws BundleException {
        Resource r = resources.get(member);
        if (r == null) {
            throw corrupt(bundle, member + " is not listed in " + BundleWriter.DATAPACKAGE_PATH);
        }
        if (r.bytes() != bytes) {
            throw corrupt(bundle, member + " is " + bytes + " bytes; " + BundleWriter.DATAPACKAGE_PATH + " says " + r.bytes());
        }
        if (!r.hash().equals(hash) && foreign) {
            String cause = r.hash().equals(jsWaczHash)
                    ? " (the hash js-wacz 0.1.6 computes, feeding each 64 KiB chunk twice: a js-wacz bug, the file is as js-wacz read it)"
                    : "";
            throw corrupt(bundle, member + " does not match its hash in " + BundleWriter.DATAPACKAGE_PATH
                    + ": listed " + r.hash() + ", actual " + hash + cause);
        }
        if (!r.hash().equals(hash)) {
            throw corrupt(bundle, member + " does not match its hash in " + BundleWriter.DATAPACKAGE_PATH);
        }
    }

    private static JsonNode json(Path bundle, String member, byte[] bytes) throws BundleException {
        JsonNode node;
        try {
            node = BundleJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw corrupt(bundle, member + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw corrupt(bundle, member + " is not a JSON object");
        }
        return node;
    }

    static BundleException corrupt(Path bundle, String problem) {
        return new BundleException(bundle, BundleException.Reason.CORRUPT, problem);
    }
}
