package dev.arca.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.bundle.BundleWriter;
import dev.arca.bundle.Digests;
import dev.arca.extract.Article;
import dev.arca.fetch.Capture;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.Header;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;

/** Bundles for tests: good ones written by {@link BundleWriter}, and ways to damage them. */
public final class Bundles {

    public static final Instant WHEN = Instant.parse("2024-03-14T08:30:00Z");
    public static final String WARC = "archive/data.warc.gz";
    public static final String INDEX = "indexes/index.cdxj";
    public static final String ARTICLE = "article/article.json";
    public static final String DATAPACKAGE = "datapackage.json";
    public static final String DIGEST = "datapackage-digest.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bundles() {
    }

    /** A capture of a page reached through one redirect, with {@code body} as the page. */
    public static Capture capture(String url, byte[] body) {
        return capture(url, body, body);
    }

    /**
     * A capture whose final response carried {@code wire} with {@code extra} headers (such as a
     * Content-Encoding) and decoded to {@code body}.
     */
    public static Capture capture(String url, byte[] wire, byte[] body, Header... extra) {
        try {
            URI page = URI.create(url);
            InetAddress ip = InetAddress.getByName("127.0.0.1");
            List<Header> request = List.of(new Header("Host", page.getHost()), new Header("User-Agent", "arca test"));
            Exchange redirect = new Exchange(page.resolve("/old"), WHEN, ip, "HTTP/1.1", request, 301,
                    List.of(new Header("Location", page.getPath())), new byte[0]);
            List<Header> headers = new java.util.ArrayList<>(List.of(new Header("Content-Type", "text/html; charset=utf-8")));
            headers.addAll(List.of(extra));
            Exchange last = new Exchange(page, WHEN, ip, "HTTP/1.1", request, 200, headers, wire);
            return new Capture(page.resolve("/old"), page, WHEN, List.of(redirect, last), "text/html",
                    "text/html; charset=utf-8", body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An article with {@code text} as its body. */
    public static Article article(String url, String title, String text) {
        return new Article(url, null, title, "Ann Author", List.of("Ann Author"), "2024-03-14", null, "Site", "en",
                null, null, List.of(), null, "text/html", 0.9, text.split("\\s+").length, text,
                "<p>" + text + "</p>");
    }

    /** Writes a good bundle of a small page to {@code file}. */
    public static Path write(Path file) throws IOException {
        String url = "http://example.com/news/story";
        String text = "The harbour bridge reopened to traffic on Thursday morning.";
        byte[] body = ("<html><title>Bridge</title><p>" + text + "</p></html>").getBytes(StandardCharsets.UTF_8);
        return write(file, capture(url, body), article(url, "Bridge", text));
    }

    public static Path write(Path file, Capture capture, Article article) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            new BundleWriter("arca test").write(out, "1abcdefghjk", capture, article,
                    "# " + article.title() + "\n\n" + article.text() + "\n", Map.of());
        }
        return file;
    }

    /** Every member of a bundle, in order. */
    public static Map<String, byte[]> members(Path bundle) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    members.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return members;
    }

    /**
     * Rewrites {@code bundle} with its members changed by {@code edit}; with {@code fixManifest}
     * the datapackage hashes and digest are recomputed, so only deeper checks can tell.
     */
    public static void rewrite(Path bundle, Consumer<Map<String, byte[]>> edit, boolean fixManifest) throws IOException {
        Map<String, byte[]> members = members(bundle);
        edit.accept(members);
        if (fixManifest) {
            fixManifest(members);
        }
        writeZip(bundle, members);
    }

    /** Recomputes every resource's hash and size in datapackage.json, and the digest file. */
    public static void fixManifest(Map<String, byte[]> members) {
        try {
            ObjectNode dp = (ObjectNode) JSON.readTree(members.get(DATAPACKAGE));
            ArrayNode resources = (ArrayNode) dp.get("resources");
            for (int i = 0; i < resources.size(); i++) {
                ObjectNode r = (ObjectNode) resources.get(i);
                byte[] bytes = members.get(r.get("path").asText());
                if (bytes != null) {
                    r.put("hash", Digests.sha256(bytes));
                    r.put("bytes", bytes.length);
                }
            }
            byte[] dpBytes = JSON.writeValueAsBytes(dp);
            members.put(DATAPACKAGE, dpBytes);
            members.put(DIGEST, ("{\"path\":\"datapackage.json\",\"hash\":\"" + Digests.sha256(dpBytes) + "\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a ZIP of {@code members}, the WARC stored and the rest deflated, as arca does. */
    public static void writeZip(Path file, Map<String, byte[]> members) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(m.getKey());
                if (m.getKey().equals(WARC)) {
                    CRC32 crc = new CRC32();
                    crc.update(m.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(m.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putArchiveEntry(entry);
                zip.write(m.getValue());
                zip.closeArchiveEntry();
            }
        }
    }

    /** The WARC of a bundle decompressed into one text, for finding and changing a record. */
    public static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bytes} with the first {@code from} replaced by {@code to}. */
    public static byte[] replace(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException("cannot replace " + from);
        }
        return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Flips one bit of the file at {@code offset}. */
    public static void flipBit(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x10;
        Files.write(file, bytes);
    }

    /** Where {@code needle} first occurs in the file, as raw bytes. */
    public static long indexOf(Path file, String needle) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return text.indexOf(needle);
    }

    /** {@code bytes} gzip-compressed as one member. */
    public static byte[] gzip(byte[] bytes) {
        return LoopbackServer.gzip(bytes);
    }
}
