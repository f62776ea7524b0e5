package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The secondary index of a ZipNum index ({@code indexes/*.idx}, format {@code cdxj-gzip-1.0}, as js-wacz,
 * py-wacz and browsertrix-crawler write it for big collections). Each of its lines names a block of the
 * {@code .cdx.gz} its header names: the key (and timestamp) of the block's first line, and the offset and
 * length of the gzip member that holds the block. The {@code .idx} is read first; each member of the
 * {@code .cdx.gz} is then matched as it streams by, and a block no member answers does not resolve.
 */
final class ZipNumIndex {

    /** The most blocks held for matching: at ZipNum's 3,000 lines a block, 300 million index lines. */
    static final int MAX_BLOCKS = 100_000;

    /** What one {@code .idx} line says of its block; {@code where} is {@code MEMBER line N}. */
    private record Block(String where, String key, String timestamp, long length) {
    }

    private final Path bundle;
    private final Consumer<String> unresolved;
    /** Expected blocks by the {@code .cdx.gz} member they are in, then by offset. */
    private final Map<String, Map<Long, Block>> expected = new HashMap<>();
    private int held;
    private long lines;

    /** @param unresolved told {@code MEMBER line N: why} for each line that does not resolve */
    ZipNumIndex(Path bundle, Consumer<String> unresolved) {
        this.bundle = bundle;
        this.unresolved = unresolved;
    }

    /** The {@code .idx} lines read, headers not counted. */
    long lines() {
        return lines;
    }

    /** Reads the secondary index {@code member} from {@code in}. */
    void readIdx(String member, InputStream in) throws IOException {
        InputStream text = new BufferedInputStream(in, 1 << 16);
        String cdxGz = null;
        int number = 0;
        byte[] bytes;
        while ((bytes = CdxjCheck.nextLine(text, ForeignIndexCheck.tooLong(bundle, member, number + 1))) != null) {
            number++;
            String line = new String(bytes, StandardCharsets.UTF_8).strip();
            if (line.startsWith("!meta")) {
                JsonNode meta = json(line.substring(line.indexOf('{') < 0 ? line.length() : line.indexOf('{')));
                cdxGz = meta == null || !meta.hasNonNull("filename") ? null : sibling(member, meta.get("filename").asText());
            } else if (!line.isEmpty()) {
                lines++;
                String why = expect(member, cdxGz, member + " line " + number, line);
                if (why != null) {
                    unresolved.accept(member + " line " + number + ": " + why);
                }
            }
        }
    }

    /** Holds the block {@code line} names; a line may name its own file, as js-wacz's do. */
    private String expect(String idx, String cdxGz, String where, String line) throws BundleException {
        int brace = line.indexOf(" {");
        JsonNode json = brace < 0 ? null : json(line.substring(brace + 1));
        if (json == null || !json.path("offset").canConvertToLong() || !json.path("length").canConvertToLong()) {
            return "not a block line (KEY [TIMESTAMP] {\"offset\": N, \"length\": N})";
        }
        String file = json.hasNonNull("filename") ? sibling(idx, json.get("filename").asText()) : cdxGz;
        if (file == null) {
            return "neither the line nor a !meta header line names the .cdx.gz file the block is in";
        }
        String[] key = line.substring(0, brace).split(" ", 2);
        if (++held > MAX_BLOCKS) {
            throw new BundleException(bundle, BundleException.Reason.CORRUPT,
                    where + ": the secondary indexes name more than " + MAX_BLOCKS + " blocks, more than arca checks");
        }
        expected.computeIfAbsent(file, k -> new LinkedHashMap<>())
                .put(json.get("offset").asLong(), new Block(where, key[0], key.length > 1 ? key[1] : null, json.get("length").asLong()));
        return null;
    }

    /** Whether some block of the secondary index is in {@code member}, so its gzip members must be told. */
    boolean names(String member) {
        return expected.containsKey(member);
    }

    /**
     * Matches the gzip member at {@code offset} of {@code length} bytes of {@code cdxGz}, whose first line
     * is {@code firstLine} (null for none), against the block named there, if one is.
     */
    void member(String cdxGz, long offset, long length, String firstLine) {
        Block block = expected.getOrDefault(cdxGz, Map.of()).remove(offset);
        if (block == null) {
            return;
        }
        String why = null;
        String[] first = firstLine == null ? new String[0] : firstLine.split(" ", 3);
        if (length != block.length()) {
            why = "length " + block.length() + " is not the " + length + " bytes of the gzip member at offset " + offset + " of " + cdxGz;
        } else if (first.length < 2 || !first[0].equals(block.key())
                || (block.timestamp() != null && !first[1].equals(block.timestamp()))) {
            why = "key " + block.key() + (block.timestamp() == null ? "" : " " + block.timestamp())
                    + " is not the first line of the block at offset " + offset + " of " + cdxGz;
        }
        if (why != null) {
            unresolved.accept(block.where() + ": " + why);
        }
    }

    /** Reports the blocks of {@code cdxGz} that no gzip member started at, once the file is read. */
    void finish(String cdxGz) {
        Map<Long, Block> left = expected.remove(cdxGz);
        if (left != null) {
            left.forEach((offset, block) -> unresolved.accept(block.where() + ": no gzip member starts at offset " + offset + " of " + cdxGz));
        }
    }

    /** Reports the blocks of files that are not in the WACZ, once every index is read. */
    void finishAll() {
        expected.forEach((cdxGz, left) -> left.values().forEach(block ->
                unresolved.accept(block.where() + ": names " + cdxGz + ", which is not an index of the WACZ")));
        expected.clear();
    }

    /** The member {@code name} names beside {@code member}: an index names its blocks' file relative to itself. */
    private static String sibling(String member, String name) {
        return member.substring(0, member.lastIndexOf('/') + 1) + name;
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = BundleJson.MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
