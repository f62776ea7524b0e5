package dev.arca.cli;

import dev.arca.testing.Jar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * import streams: a WARC larger than the heap, of pages and large pictures, imports in a small JVM.
 * Only the records a page needs are read (a picture no page refers to is passed over unread), and
 * one record at a time is held whole: the heap needs room for the largest, as {@code --max-size} bounds it.
 */
class ImportMemoryIT {

    private static final int PAGES = 200;
    private static final int PICTURES = 5;

    @TempDir
    Path dir;

    @Test
    void importsAWarcLargerThanTheHeap() throws Exception {
        Path warc = dir.resolve("big.warc.gz");
        Random random = new Random(7);
        Instant when = Instant.parse("2024-03-15T09:00:00Z");
        try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            for (int p = 0; p < PICTURES; p++) {
                byte[] picture = new byte[16 << 20];
                random.nextBytes(picture); // incompressible: the WARC stays larger than the heap
                writer.write(response("https://news.example/big" + p + ".jpg", when, "image/jpeg", picture));
            }
            for (int i = 0; i < PAGES; i++) {
                // page 1 declares no language: in this heap the language model is not loaded, and it says so
                String html = (i == 1 ? "" : "<html lang=en>") + "<title>Story " + i + "</title><article><h1>Story " + i + "</h1>"
                        + ("<p>The harbour bridge reopened on Thursday after two years of repairs, story " + i + ".</p>").repeat(40)
                        + (i == 0 ? "<img src=/big0.jpg alt=big>" : "") + "</article>";
                writer.write(response("https://news.example/story/" + i, when, "text/html; charset=utf-8",
                        html.getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertThat(Files.size(warc)).isGreaterThan(64L << 20);

        Jar.Run run = Jar.run(Jar.withHeap("64m", "--store", dir.resolve("store").toString(), "--quiet", "import", warc.toString()), dir);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err().lines()).as(run.err()).singleElement().asString()
                .endsWith("/story/1: imported with a warning: extract: language not detected: the page declares none and the language"
                        + " model needs a heap of at least 192 MiB (-Xmx)");
        assertThat(run.out().lines()).hasSize(PAGES);
        String id = run.out().lines().filter(l -> l.endsWith("/story/0")).findFirst().orElseThrow().split("\t")[0];
        try (Stream<Path> files = Files.walk(dir.resolve("store"))) {
            Path bundle = files.filter(p -> p.getFileName().toString().equals(id + ".wacz")).findFirst().orElseThrow();
            assertThat(Files.size(bundle)).as("the page's picture is in its bundle").isGreaterThan(16L << 20);
        }
        Jar.Run verified = Jar.run(Jar.withHeap("64m", "--store", dir.resolve("store").toString(), "verify"), dir);
        assertThat(verified.status()).as(verified.err()).isZero();
        assertThat(verified.out().lines()).hasSize(PAGES).allMatch(line -> line.endsWith("\tok"));
    }

    private static WarcResponse response(String url, Instant date, String type, byte[] body) throws IOException {
        return new WarcResponse.Builder(url).date(date).body(new HttpResponse.Builder(200, "OK").body(MediaType.parse(type), body).build())
                .build();
    }
}
