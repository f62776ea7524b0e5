package dev.arca.cli;

import dev.arca.fetch.Header;
import dev.arca.testing.Bundles;
import dev.arca.testing.Jar;
import dev.arca.testing.LoopbackServer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crafted bundles dropped into a store, read by the packaged arca under {@code -Xmx128m}: every
 * command that reads them gives one clear line and exit status 1 (list warns and skips), memory
 * stays within the small heap, and restore writes nothing, least of all outside its directory.
 */
class HostileBundlesIT {

    private static final String ID = "1n000000aaa";

    /** A hostile bundle and the problem arca must name. */
    enum Hostile {
        ZIP_SLIP_PARENT("unsafe entry name \"../../evil.txt\" (dot segment)"),
        ZIP_SLIP_ABSOLUTE("unsafe entry name \"/tmp/arca-evil.txt\" (absolute path)"),
        ZIP_SLIP_BACKSLASH("unsafe entry name \"safe/..\\..\\evil.txt\" (backslash)"),
        /** A DOS-made entry's backslashes read as slashes, so the name is caught as a dot segment. */
        ZIP_SLIP_WINDOWS("unsafe entry name \"../../evil.txt\" (dot segment)"),
        SYMLINK("entry article/link is a symbolic link"),
        DUPLICATE_NAME("entry article/article.json appears twice"),
        HUGE_DECLARED_SIZE("entry datapackage-digest.json declares 4294967295 bytes, more than a bundle holds (65536)"),
        LARGER_THAN_DECLARED("datapackage.json inflates past the 100 bytes the ZIP directory declares"),
        HIGH_RATIO("entry extra/zeros.bin compresses more than 100:1 (a ZIP bomb?)"),
        DIRECTORY_BOMB("the ZIP claims 60000 entries; a bundle has at most 64"),
        ABSURD_CONTENT_LENGTH("a resource record declares Content-Length 99999999999999, more than a bundle holds");

        final String problem;

        Hostile(String problem) {
            this.problem = problem;
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void refusesWithOneLineAndWritesNothing(Hostile hostile) throws Exception {
        Path store = dir.resolve("store");
        Path bundle = store.resolve("2024/01/" + ID + ".wacz");
        Files.createDirectories(bundle.getParent());
        craft(hostile, bundle);
        Path work = Files.createDirectories(dir.resolve("work/deeper"));
        Path target = work.resolve("restored");
        Set<Path> before = files(dir);

        Jar.Run verify = Jar.arca(store, work, "verify");
        assertThat(verify.status()).as(verify.err()).isEqualTo(1);
        assertThat(verify.out()).isEqualTo(ID + "\tdamaged: " + hostile.problem + "\n");

        Jar.Run restore = Jar.arca(store, work, "restore", ID, "-o", target + "/");
        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err()).matches("arca: " + java.util.regex.Pattern.quote(bundle.toString()) + ": "
                + "(damaged bundle, nothing restored: )?" + java.util.regex.Pattern.quote(hostile.problem) + ".*\n");

        Jar.Run original = Jar.arca(store, work, "restore", ID, "--as", "original");
        assertThat(original.status()).isEqualTo(1);
        assertThat(original.out()).isEmpty();
        assertThat(original.err().lines()).hasSize(1);

        Jar.Run show = Jar.arca(store, work, "show", ID);
        assertThat(show.status()).isEqualTo(1);
        assertThat(show.err().lines()).hasSize(1).allMatch(l -> l.startsWith("arca: ") && !l.contains("Exception"));

        Jar.Run list = Jar.arca(store, work, "list");
        assertThat(list.status()).isZero();
        assertThat(list.err()).isEqualTo("arca: skipping damaged bundle " + bundle + ": " + hostile.problem + " (see 'arca verify')\n");

        assertThat(target).doesNotExist();
        assertThat(files(dir)).isEqualTo(before);
        assertThat(Path.of("/tmp/arca-evil.txt")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void refusesToRestoreAPageThatDecodesToABomb() throws Exception {
        Path store = dir.resolve("store");
        Path bundle = store.resolve("2024/01/" + ID + ".wacz");
        byte[] bomb = LoopbackServer.gzipZeros(1L << 30);
        String url = "http://example.com/bomb";
        Bundles.write(bundle, Bundles.capture(url, bomb, "<title>Bomb</title>".getBytes(StandardCharsets.UTF_8),
                new Header("Content-Encoding", "gzip")), Bundles.article(url, "Bomb", "tiny"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path page = work.resolve("page.html");

        assertThat(Jar.arca(store, work, "verify").status()).isZero();
        Jar.Run restore = Jar.arca(store, work, "restore", ID, "--as", "original", "-o", page.toString());

        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err()).isEqualTo("arca: " + bundle + ": the page expands more than 100 times when decoded"
                + " (a decompression bomb?)\n");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.filter(p -> !p.getFileName().toString().matches("(out|err).*\\.txt"))).isEmpty();
        }
    }

    private static Set<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            // the index and the lock are derived files a reader may create; no bundle data may appear
            return walk.filter(p -> !p.getFileName().toString().matches("(out|err).*\\.txt|index\\.sqlite.*|\\.lock"))
                    .collect(Collectors.toSet());
        }
    }

    private void craft(Hostile hostile, Path bundle) throws IOException {
        Path good = Bundles.write(dir.resolve("good.wacz"));
        Map<String, byte[]> members = Bundles.members(good);
        switch (hostile) {
            case ZIP_SLIP_PARENT -> withExtra(bundle, members, "../../evil.txt", false);
            case ZIP_SLIP_ABSOLUTE -> withExtra(bundle, members, "/tmp/arca-evil.txt", false);
            case ZIP_SLIP_BACKSLASH -> withExtra(bundle, members, "safe/..\\..\\evil.txt", false);
            case ZIP_SLIP_WINDOWS -> withExtra(bundle, members, "..\\..\\evil.txt", false);
            case SYMLINK -> withExtra(bundle, members, "article/link", true);
            case DUPLICATE_NAME -> {
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(bundle))) {
                    for (Map.Entry<String, byte[]> m : members.entrySet()) {
                        put(zip, m.getKey(), m.getValue());
                    }
                    put(zip, Bundles.ARTICLE, "{\"title\":\"the other one\"}".getBytes(StandardCharsets.UTF_8));
                }
            }
            case HUGE_DECLARED_SIZE -> {
                Bundles.writeZip(bundle, members);
                patchCentralSize(bundle, Bundles.DIGEST, 0xffffffffL);
            }
            case LARGER_THAN_DECLARED -> {
                Bundles.writeZip(bundle, members);
                patchCentralSize(bundle, Bundles.DATAPACKAGE, 100);
            }
            case HIGH_RATIO -> {
                members.put("extra/zeros.bin", new byte[200 << 20]);
                Bundles.writeZip(bundle, members);
            }
            case DIRECTORY_BOMB -> {
                Bundles.writeZip(bundle, members);
                patchEntryCount(bundle, 60000);
            }
            case ABSURD_CONTENT_LENGTH -> {
                members.put(Bundles.WARC, gzip("WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
                        + "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: http://example.com/\r\n"
                        + "Content-Type: text/html\r\nContent-Length: 99999999999999\r\n\r\n<p>not that long</p>\r\n\r\n"));
                Bundles.fixManifest(members);
                Bundles.writeZip(bundle, members);
            }
        }
    }

    private static void withExtra(Path bundle, Map<String, byte[]> members, String name, boolean symlink) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(bundle))) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                put(zip, m.getKey(), m.getValue());
            }
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            if (symlink) {
                entry.setUnixMode(0120777);
            }
            zip.putArchiveEntry(entry);
            zip.write((symlink ? "/etc/passwd" : "pwned").getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
    }

    private static void put(ZipArchiveOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    /** Rewrites the uncompressed size that the central directory gives for {@code name}. */
    private static void patchCentralSize(Path bundle, String name, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(bundle);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (buf.getInt(i) == 0x02014b50) {
                int nameLength = Short.toUnsignedInt(buf.getShort(i + 28));
                if (new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8).equals(name)) {
                    buf.putInt(i + 24, (int) size);
                    Files.write(bundle, bytes);
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no central entry " + name);
    }

    /** Rewrites the entry counts of the end-of-central-directory record. */
    private static void patchEntryCount(Path bundle, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(bundle);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = bytes.length - 22;
        assertThat(buf.getInt(eocd)).isEqualTo(0x06054b50);
        buf.putShort(eocd + 8, (short) count);
        buf.putShort(eocd + 10, (short) count);
        Files.write(bundle, bytes);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
