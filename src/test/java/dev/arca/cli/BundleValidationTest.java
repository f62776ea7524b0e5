package dev.arca.cli;

import dev.arca.testing.BundleValidator;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.RawServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundle of the case set passes the independent checkers in
 * {@code ../shared/validate}: WACZ structure, jwarc validate, warcio.js and a wabac.js replay.
 * Skipped where those checkers or Node are not installed.
 */
class BundleValidationTest {

    @TempDir
    static Path home;

    private static LoopbackServer server;
    private static RawServer raw;
    private static Cli cli;

    @BeforeAll
    static void serveCases() throws Exception {
        Assumptions.assumeTrue(BundleValidator.available(), "../shared/validate, node and npm are needed");
        server = new LoopbackServer();
        cli = new Cli(home);
        byte[] story = Fixtures.bytes("story.html");
        server.html("/plain.html", Fixtures.text("story.html"))
                .redirect("/r1", 301, "/r2").redirect("/r2", 302, "/final.html").html("/final.html", Fixtures.text("story.html"))
                .page("/gzip.html", 200, LoopbackServer.gzip(story), "Content-Type", "text/html; charset=utf-8", "Content-Encoding", "gzip")
                .chunked("/chunked.html", story, "Content-Type", "text/html; charset=utf-8")
                .page("/brotli.html", 200, Fixtures.bytes("story.html.br"), "Content-Type", "text/html; charset=utf-8", "Content-Encoding", "br")
                .page("/latin1.html", 200, Fixtures.bytes("latin1.html"), "Content-Type", "text/html")
                .page("/tiny.pdf", 200, Fixtures.bytes("tiny.pdf"), "Content-Type", "application/pdf");
        Files.write(home.resolve("saved.html"), story);
        String odd = new String(story, java.nio.charset.StandardCharsets.ISO_8859_1);
        raw = new RawServer().bytes("/robots.txt", "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n").bytes("/http10.html", "HTTP/1.0 200 Fine\r\ncontent-TYPE: text/html; charset=utf-8\r\n"
                + "Set-Cookie: a=1\r\nX-Dup: one\r\nSet-Cookie: b=2\r\nX-Dup: two\r\n\r\n" + odd);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            raw.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain page|/plain.html|harbour bridge reopened",
            "301 then 302 then 200|/r1|harbour bridge reopened",
            "gzip-encoded response|/gzip.html|harbour bridge reopened",
            "chunked response|/chunked.html|harbour bridge reopened",
            "brotli response|/brotli.html|harbour bridge reopened",
            "ISO-8859-1 declared only in meta|/latin1.html|quarante ans",
            "PDF|/tiny.pdf|%PDF-1.4",
            "HTTP/1.0 close-delimited, odd header names, duplicates|raw/http10.html|harbour bridge reopened",
            "saved file with --url|saved.html|harbour bridge reopened"})
    void bundlePassesIndependentValidators(String name, String source, String expected) throws Exception {
        String input = source.startsWith("/") ? server.url(source)
                : source.startsWith("raw/") ? raw.url(source.substring(3)) : home.resolve(source).toString();
        Cli.Result fetched = !source.startsWith("saved")
                ? cli.run("fetch", "--json", input)
                : cli.run("fetch", "--json", input, "--url", server.url("/plain.html"));
        assertThat(fetched.status()).as(fetched.err()).isZero();
        String bundle = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fetched.out()).get("bundle").asText();

        String report = BundleValidator.validate(Path.of(bundle), expected);

        System.out.println("== " + name + " (" + bundle + ")\n" + report);
        assertThat(report.strip()).as(report).endsWith("ALL PASS");
    }
}
