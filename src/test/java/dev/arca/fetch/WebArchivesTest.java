package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class WebArchivesTest {

    @Test
    void recognisesArcFilesPlainAndGzipped() throws IOException {
        byte[] arc = "filedesc://crawl.arc 0.0.0.0 20240101000000 text/plain 77\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(WebArchives.kind(arc, "crawl.bin")).contains("an ARC file");
        assertThat(WebArchives.kind(gzip(arc), "crawl.bin")).contains("an ARC file (gzip-compressed)");
    }

    @Test
    void pagesGzippedPagesAndOtherZipsAreNotWebArchives() throws IOException {
        byte[] page = "<!doctype html><p>WARC/1.1 is a format</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(WebArchives.kind(page, "page.html")).isEmpty();
        assertThat(WebArchives.kind(gzip(page), "page.html.gz")).isEmpty();
        assertThat(WebArchives.kind(zip("word/document.xml"), "report.docx")).isEmpty();
        assertThat(WebArchives.kind(new byte[0], "empty.html")).isEmpty();
    }

    @Test
    void aWaczIsKnownByAnyOfItsMembersAndByItsName() throws IOException {
        assertThat(WebArchives.kind(zip("datapackage.json"), "x.zip")).contains("a WACZ file");
        assertThat(WebArchives.kind(zip("pages/pages.jsonl"), "x.zip")).contains("a WACZ file");
        assertThat(WebArchives.kind(new byte[]{1, 2, 3}, "broken.WACZ")).contains("a WACZ file");
        assertThat(WebArchives.kind(new byte[0], "empty.warc.gz")).contains("a WARC file");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String firstEntry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(firstEntry));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
