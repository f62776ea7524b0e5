package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.BundleReader;
import dev.arca.bundle.BundleVerifier;
import dev.arca.extract.Article;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.RawServer;
import dev.arca.testing.SelfSignedServer;
import org.brotli.dec.BrotliInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken pages, served from loopback servers, one row per case: what arca must archive
 * (and the fields it must get right), or the exact one-line error and exit status it must give.
 * Nothing may crash, hang, or leave a bundle behind on failure.
 */
class HostilePagesTest {

    private static final String UTF8 = "text/html; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LoopbackServer web;
    private static RawServer raw;
    private static RawServer plain;
    private static SelfSignedServer tls;
    private static ServerSocket silent;
    private static int closedPort;

    @TempDir
    static Path shared;

    @TempDir
    Path home;

    /** What a case must produce. */
    sealed interface Outcome permits Archived, Failed {
    }

    /** The page is archived, with {@code warning} on stderr (or none when null); {@code check} asserts on what was stored. */
    record Archived(Consumer<Stored> check, String warning) implements Outcome {
    }

    /** The fetch fails with exactly {@code message} (after "arca: fetch INPUT: ") and exit status 1. */
    record Failed(Supplier<String> message) implements Outcome {
    }

    /** An archived page as the store holds it. */
    record Stored(JsonNode line, Article article, byte[] original, Path bundle, Duration took) {
    }

    /** One row: the input given to {@code arca fetch}, its options, and the outcome. */
    record Case(String name, Supplier<String> input, List<String> options, Outcome outcome) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case archived(String name, Supplier<String> input, Consumer<Stored> check, String... options) {
        return new Case(name, input, List.of(options), new Archived(check, null));
    }

    /** A page archived with one warning of a derived step, {@code warning} ("step: message"). */
    private static Case archivedWithWarning(String name, Supplier<String> input, String warning, Consumer<Stored> check,
                                            String... options) {
        return new Case(name, input, List.of(options), new Archived(check, warning));
    }

    private static Case failed(String name, Supplier<String> input, Supplier<String> message, String... options) {
        return new Case(name, input, List.of(options), new Failed(message));
    }

    @BeforeAll
    static void startServers() throws Exception {
        web = new LoopbackServer();
        raw = new RawServer();
        tls = new SelfSignedServer(shared);
        silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        tls.html("/secure.html", "<title>Secure</title><p>Over TLS.</p>");
        plain = RawServer.greeting("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    }

    @AfterAll
    static void stopServers() throws IOException {
        web.close();
        raw.close();
        plain.close();
        tls.close();
        silent.close();
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        encodings(cases);
        sizes(cases);
        contents(cases);
        compression(cases);
        timing(cases);
        redirects(cases);
        statuses(cases);
        transport(cases);
        urls(cases);
        return cases.stream();
    }

    // ---- encodings -------------------------------------------------------------------------

    private static void encodings(List<Case> cases) {
        cases.add(archived("invalid UTF-8 bytes", () -> page("/enc/invalid", latin("<title>Caf\u00c3 \u00ff</title><p>ok</p>"), UTF8),
                s -> {
                    assertThat(s.article().title()).isEqualTo("Caf\ufffd \ufffd");
                    assertThat(s.original()).isEqualTo(latin("<title>Caf\u00c3 \u00ff</title><p>ok</p>"));
                }));
        cases.add(archived("charset header contradicts the bytes", () -> page("/enc/contradicts",
                latin("<title>Caf\u00e9</title><p>Cr\u00e8me</p>"), UTF8),
                s -> assertThat(s.article().title()).isEqualTo("Caf\ufffd")));
        cases.add(archived("UTF-16LE byte-order mark", () -> page("/enc/utf16le",
                        bom(new byte[]{(byte) 0xff, (byte) 0xfe}, "<title>Gr\u00fc\u00dfe</title><p>Hallo</p>", StandardCharsets.UTF_16LE), "text/html"),
                s -> {
                    assertThat(s.article().title()).isEqualTo("Gr\u00fc\u00dfe");
                    assertThat(s.article().text()).isEqualTo("Hallo");
                }));
        cases.add(archived("UTF-16BE byte-order mark against a UTF-8 header", () -> page("/enc/utf16be",
                        bom(new byte[]{(byte) 0xfe, (byte) 0xff}, "<title>Gr\u00fc\u00dfe</title><p>Hallo</p>", StandardCharsets.UTF_16BE), UTF8),
                s -> assertThat(s.article().title()).isEqualTo("Gr\u00fc\u00dfe")));
        cases.add(archived("UTF-8 byte-order mark against a Latin-1 header", () -> page("/enc/utf8bom",
                        bom(new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "<title>Gr\u00fc\u00dfe</title>", StandardCharsets.UTF_8),
                        "text/html; charset=iso-8859-1"),
                s -> assertThat(s.article().title()).isEqualTo("Gr\u00fc\u00dfe")));
        cases.add(archived("unknown charset name", () -> page("/enc/unknown", utf8("<title>Gr\u00fc\u00dfe</title><p>x</p>"),
                        "text/html; charset=x-no-such-charset"),
                s -> {
                    assertThat(s.article().title()).isEqualTo("Gr\u00fc\u00dfe");
                    assertThat(s.line().get("status").asText()).isEqualTo("archived");
                }));
        cases.add(archived("charset only in meta", () -> page("/enc/meta",
                        latin("<meta charset=windows-1252><title>Caf\u00e9 \u0080</title>"), "text/html"),
                s -> assertThat(s.article().title()).isEqualTo("Caf\u00e9 \u20ac")));
    }

    // ---- size and shape ------------------------------------------------------------------------

    private static void sizes(List<Case> cases) {
        cases.add(failed("30 MB page over --max-size, declared", () -> page("/size/declared", new byte[30 << 20], UTF8),
                () -> "response declares 30 MiB, more than --max-size (10 MiB)", "--max-size", "10M"));
        cases.add(failed("30 MB page over --max-size, chunked", () -> {
            web.chunked("/size/chunked", new byte[30 << 20], "Content-Type", UTF8);
            return web.url("/size/chunked");
        }, () -> "response is larger than --max-size (10 MiB)", "--max-size", "10M"));
        cases.add(archived("page exactly --max-size", () -> page("/size/exact", utf8("<title>Exact</title>" + "x".repeat(1024 - 20)), UTF8),
                s -> assertThat(s.original()).hasSize(1024), "--max-size", "1k"));
        cases.add(archived("5 MB single line", () -> page("/size/line", utf8("<title>One line</title><p>"
                        + "word ".repeat(1_000_000) + "</p>"), UTF8),
                s -> {
                    assertThat(s.article().title()).isEqualTo("One line");
                    assertThat(s.article().wordCount()).isGreaterThanOrEqualTo(1_000_000);
                }));
        cases.add(archived("nested 100,000 elements deep", () -> page("/size/deep", utf8("<title>Deep</title>"
                        + "<div>".repeat(100_000) + "<p>bottom</p>" + "</div>".repeat(100_000)), UTF8),
                s -> assertThat(s.article().title()).isEqualTo("Deep")));
        cases.add(archived("1 MB attribute value", () -> page("/size/attr", utf8("<title>Attr</title><p data-x=\""
                        + "a".repeat(1 << 20) + "\">text</p>"), UTF8),
                s -> assertThat(s.article().title()).isEqualTo("Attr")));
        cases.add(archived("100,000 links", () -> {
            StringBuilder html = new StringBuilder("<title>Links</title>");
            for (int i = 0; i < 100_000; i++) {
                html.append("<a href=\"/l/").append(i).append("\">link ").append(i).append("</a> ");
            }
            return page("/size/links", utf8(html.toString()), UTF8);
        }, s -> {
            assertThat(s.article().title()).isEqualTo("Links");
            assertThat(s.took()).isLessThan(Duration.ofSeconds(60));
        }));
    }

    // ---- content -----------------------------------------------------------------------------

    private static void contents(List<Case> cases) {
        cases.add(archived("empty body", () -> page("/c/empty", new byte[0], UTF8),
                s -> {
                    assertThat(s.original()).isEmpty();
                    assertThat(s.article().text()).isEmpty();
                    assertThat(s.article().mediaType()).isEqualTo("text/html");
                }));
        // the static capture's warning: with the default --browser auto, Chromium would render the page
        cases.add(archivedWithWarning("only a script", () -> page("/c/script", utf8("<script>document.write('<h1>Hi</h1>')</script>"), UTF8),
                "extract: the page is built by JavaScript (it has no text without its 1 script); it was archived as served,"
                        + " and needs a browser to show its content",
                s -> {
                    assertThat(s.article().text()).isEmpty();
                    assertThat(s.article().html()).doesNotContain("<script");
                }, "--browser", "never"));
        cases.add(archived("binary bytes labelled text/html", () -> page("/c/binary", noise(200_000), "text/html"),
                s -> assertThat(s.original()).isEqualTo(noise(200_000))));
        cases.add(archived("HTML without Content-Type", () -> page("/c/untyped-html", utf8("<!DOCTYPE html><title>Untyped</title><p>Body</p>")),
                s -> {
                    assertThat(s.article().mediaType()).isEqualTo("text/html");
                    assertThat(s.article().title()).isEqualTo("Untyped");
                }));
        cases.add(archived("PDF without Content-Type", () -> page("/c/untyped.pdf", utf8("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n")),
                s -> {
                    assertThat(s.article().mediaType()).isEqualTo("application/pdf");
                    assertThat(s.article().title()).isEqualTo("untyped.pdf");
                }));
        cases.add(archived("binary without Content-Type", () -> page("/c/untyped-bin", new byte[]{0, 1, 2, 3, (byte) 0xff}),
                s -> assertThat(s.article().mediaType()).isEqualTo("application/octet-stream")));
        cases.add(archived("plain text", () -> page("/c/notes.txt", utf8("just text"), "text/plain; charset=utf-8"),
                s -> {
                    assertThat(s.article().mediaType()).isEqualTo("text/plain");
                    assertThat(s.article().title()).isEqualTo("notes.txt");
                    assertThat(s.original()).isEqualTo(utf8("just text"));
                }));
        cases.add(archived("204 No Content", () -> {
            web.handle("/c/nocontent", exchange -> exchange.sendResponseHeaders(204, -1));
            return web.url("/c/nocontent");
        }, s -> assertThat(s.original()).isEmpty()));
        cases.add(failed("Content-Length larger than the body", () -> {
            raw.bytes("/c/short", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<title>Short</title>");
            return raw.url("/c/short");
        }, () -> "connection to " + authority(raw.url("/")) + " closed before the response was complete"));
        cases.add(archived("Content-Length smaller than the body", () -> {
            raw.bytes("/c/long", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20\r\n\r\n<title>Long</title>-and then much more");
            return raw.url("/c/long");
        }, s -> {
            assertThat(s.original()).isEqualTo(utf8("<title>Long</title>-"));
            assertThat(s.article().title()).isEqualTo("Long");
        }));
        cases.add(failed("connection closed mid-body", () -> {
            raw.bytes("/c/cut", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "10\r\n<title>Cut</titl\r\n4");
            return raw.url("/c/cut");
        }, () -> "connection to " + authority(raw.url("/")) + " closed before the response was complete"));
        cases.add(archived("HTTP/1.0 body delimited by closing", () -> {
            raw.bytes("/c/http10", "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<title>Old</title><p>Close-delimited.</p>");
            return raw.url("/c/http10");
        }, s -> assertThat(s.article().title()).isEqualTo("Old")));
    }

    // ---- compression ---------------------------------------------------------------------------

    private static void compression(List<Case> cases) {
        cases.add(failed("gzip bomb past --max-size", () -> page("/z/bomb", LoopbackServer.gzipZeros(200 << 20), UTF8, "Content-Encoding", "gzip"),
                () -> "body expands past --max-size (10 MiB) when decoded from gzip", "--max-size", "10M"));
        cases.add(failed("broken gzip stream", () -> page("/z/notgzip", utf8("<title>plain</title>"), UTF8, "Content-Encoding", "gzip"),
                () -> "broken gzip body: Not in GZIP format"));
        cases.add(failed("truncated gzip stream", () -> {
            byte[] gz = LoopbackServer.gzip(utf8("<title>Truncated</title>" + "<p>text</p>".repeat(1000)));
            return page("/z/truncated", Arrays.copyOf(gz, gz.length / 2), UTF8, "Content-Encoding", "gzip");
        }, () -> "broken gzip body: unexpected end of stream"));
        cases.add(failed("broken brotli stream", () -> page("/z/notbr", utf8("<title>plain</title>"), UTF8, "Content-Encoding", "br"),
                () -> "broken br body: " + brotliError(utf8("<title>plain</title>"))));
        cases.add(failed("unknown Content-Encoding", () -> page("/z/compress", utf8("x"), UTF8, "Content-Encoding", "compress"),
                () -> "unsupported Content-Encoding \"compress\""));
        cases.add(archived("raw deflate", () -> page("/z/deflate", deflateRaw(utf8("<title>Deflated</title>")), UTF8, "Content-Encoding", "deflate"),
                s -> assertThat(s.article().title()).isEqualTo("Deflated")));
        cases.add(archived("gzip twice", () -> page("/z/twice", LoopbackServer.gzip(LoopbackServer.gzip(utf8("<title>Twice</title>"))), UTF8,
                        "Content-Encoding", "gzip, gzip"),
                s -> {
                    assertThat(s.article().title()).isEqualTo("Twice");
                    assertThat(s.original()).isEqualTo(utf8("<title>Twice</title>"));
                }));
    }

    // ---- timing ------------------------------------------------------------------------------

    private static void timing(List<Case> cases) {
        cases.add(failed("slow drip of 1 byte/s hits the total timeout", () -> {
            raw.on("/t/drip", (out, s) -> {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                for (int i = 0; i < 1000; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1000);
                }
            });
            return raw.url("/t/drip");
        }, () -> "timed out after 2 s (see --timeout)", "--timeout", "2"));
        cases.add(failed("server accepts but never answers", () -> "http://127.0.0.1:" + silent.getLocalPort() + "/",
                () -> "timed out after 1 s (see --timeout)", "--timeout", "1"));
        cases.add(failed("headers never end", () -> {
            raw.on("/t/headers", (out, s) -> {
                out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(10_000);
            });
            return raw.url("/t/headers");
        }, () -> "timed out after 1.5 s (see --timeout)", "--timeout", "1.5"));
    }

    // ---- redirects ---------------------------------------------------------------------------

    private static void redirects(List<Case> cases) {
        cases.add(failed("redirect loop", () -> {
            web.redirect("/r/ping", 302, "/r/pong").redirect("/r/pong", 302, "/r/ping");
            return web.url("/r/ping");
        }, () -> "redirect loop at " + web.url("/r/ping")));
        cases.add(failed("redirect to itself", () -> {
            web.redirect("/r/self", 301, "/r/self");
            return web.url("/r/self");
        }, () -> "redirect loop at " + web.url("/r/self")));
        cases.add(failed("11 redirects", () -> chain("/r/long", 11), () -> "more than 10 redirects (see --max-redirects)"));
        cases.add(archived("10 redirects", () -> chain("/r/ten", 10), s -> {
            assertThat(s.line().get("finalUrl").asText()).isEqualTo(web.url("/r/ten10"));
            assertThat(s.article().title()).isEqualTo("End of chain");
        }));
        cases.add(failed("a redirect with --max-redirects 0", () -> chain("/r/zero", 1), () -> "more than 0 redirects (see --max-redirects)",
                "--max-redirects", "0"));
        cases.add(failed("redirect to ftp:", () -> {
            web.redirect("/r/ftp", 302, "ftp://files.example/x");
            return web.url("/r/ftp");
        }, () -> "redirect from " + web.url("/r/ftp") + " to an unusable location: invalid URL \"ftp://files.example/x\": "
                + "unsupported scheme \"ftp:\"; only http and https can be fetched"));
        cases.add(failed("redirect to javascript:", () -> {
            web.redirect("/r/js", 302, "javascript:alert(1)");
            return web.url("/r/js");
        }, () -> "redirect from " + web.url("/r/js") + " to an unusable location: invalid URL \"javascript:alert(1)\": "
                + "unsupported scheme \"javascript:\"; only http and https can be fetched"));
        cases.add(archived("relative Location", () -> {
            web.redirect("/r/a/start", 302, "../b/end");
            web.html("/r/b/end", "<title>Relative</title>");
            return web.url("/r/a/start");
        }, s -> assertThat(s.line().get("finalUrl").asText()).isEqualTo(web.url("/r/b/end"))));
        cases.add(archived("Location with spaces and Unicode", () -> {
            web.redirect("/r/unicode", 302, "/r/caf\u00e9 menu");
            web.html("/r/caf\u00e9 menu", "<title>Menu</title>");
            return web.url("/r/unicode");
        }, s -> assertThat(s.line().get("finalUrl").asText()).isEqualTo(web.url("/r/caf%C3%A9%20menu"))));
        cases.add(failed("3xx without Location", () -> {
            web.page("/r/nowhere", 302, new byte[0]);
            return web.url("/r/nowhere");
        }, () -> "HTTP 302 Found"));
    }

    // ---- HTTP status -------------------------------------------------------------------------

    private static void statuses(List<Case> cases) {
        int[] codes = {404, 410, 451, 500};
        String[] phrases = {"Not Found", "Gone", "Unavailable For Legal Reasons", "Internal Server Error"};
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i];
            String phrase = phrases[i];
            cases.add(failed("HTTP " + code, () -> page("/s/" + code, code, utf8("<title>Error</title>"), UTF8),
                    () -> "HTTP " + code + " " + phrase));
        }
        cases.add(failed("HTTP 503 with Retry-After", () -> page("/s/503", 503, utf8("busy"), "text/plain", "Retry-After", "120"),
                () -> "HTTP 503 Service Unavailable (the server asks to retry after 120 s)"));
        cases.add(failed("HTTP 429 with a Retry-After date", () -> page("/s/429", 429, utf8("slow down"), "text/plain",
                        "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),
                () -> "HTTP 429 Too Many Requests (the server asks to retry after Wed, 21 Oct 2015 07:28:00 GMT)"));
        cases.add(failed("unknown status code", () -> {
            raw.bytes("/s/799", "HTTP/1.1 799 Odd\r\nContent-Length: 0\r\n\r\n");
            return raw.url("/s/799");
        }, () -> "HTTP 799"));
    }

    // ---- TLS and connections -------------------------------------------------------------------

    private static void transport(List<Case> cases) {
        cases.add(failed("self-signed certificate", () -> tls.url("/secure.html"),
                () -> "TLS handshake with " + authority(tls.url("/")) + " failed: the certificate is not trusted"
                        + " (use --insecure to accept any certificate)"));
        cases.add(archived("self-signed certificate with --insecure", () -> tls.url("/secure.html"),
                s -> assertThat(s.article().title()).isEqualTo("Secure"), "--insecure"));
        // a server that waits for a request line never answers a TLS hello: the silent socket waits
        // for sure, where an HTTP server may give up on the binary hello first and close
        cases.add(failed("https:// to a server that waits for a request line", () -> "https://127.0.0.1:" + silent.getLocalPort() + "/x",
                () -> "timed out after 2 s (see --timeout)", "--timeout", "2"));
        cases.add(failed("https:// to a server that answers in plain HTTP", () -> plain.url("/").replace("http:", "https:"),
                () -> "TLS handshake with " + authority(plain.url("/")) + " failed: the server did not answer in TLS"));
        cases.add(failed("connection refused", () -> "http://127.0.0.1:" + closedPort + "/",
                () -> "cannot connect to 127.0.0.1:" + closedPort + ": connection refused"));
        cases.add(failed("DNS failure", () -> "http://no-such-host.invalid/page",
                () -> "cannot resolve host no-such-host.invalid"));
        cases.add(failed("connection closed before any response", () -> {
            raw.on("/n/hangup", (out, s) -> { });
            return raw.url("/n/hangup");
        }, () -> "connection to " + authority(raw.url("/")) + " closed before the response was complete"));
        cases.add(failed("TLS on an http:// URL", () -> tls.url("/secure.html").replace("https:", "http:"),
                () -> "connection to " + authority(tls.url("/")) + " closed before the response was complete"));
        cases.add(failed("garbage instead of HTTP", () -> {
            raw.bytes("/n/garbage", "SSH-2.0-OpenSSH_9.2\r\n\r\n");
            return raw.url("/n/garbage");
        }, () -> "exchange with " + authority(raw.url("/")) + " failed: the server did not answer in HTTP"));
    }

    // ---- URLs --------------------------------------------------------------------------------

    private static void urls(List<Case> cases) {
        cases.add(archived("spaces in the URL", () -> {
            web.html("/u/a page.html", "<title>Spaced</title>");
            return web.url("/u/a page.html");
        }, s -> assertThat(s.line().get("finalUrl").asText()).isEqualTo(web.url("/u/a%20page.html"))));
        cases.add(archived("Unicode path", () -> {
            web.html("/u/caf\u00e9/\u00fcber", "<title>Unicode</title>");
            return web.url("/u/caf\u00e9/\u00fcber");
        }, s -> assertThat(s.line().get("finalUrl").asText()).isEqualTo(web.url("/u/caf%C3%A9/%C3%BCber"))));
        cases.add(failed("IDN host", () -> "http://b\u00fccher.invalid/buch", () -> "cannot resolve host xn--bcher-kva.invalid"));
        cases.add(archived("10,000-character URL", () -> {
            String path = "/u/" + "a".repeat(10_000);
            web.html(path, "<title>Long URL</title>");
            return web.url(path);
        }, s -> assertThat(s.article().url()).hasSize(web.url("/u/").length() + 10_000)));
        cases.add(archived("fragment is not sent", () -> {
            web.html("/u/frag", "<title>Fragment</title>");
            return web.url("/u/frag#section-2");
        }, s -> assertThat(s.line().get("finalUrl").asText()).isEqualTo(web.url("/u/frag"))));
        cases.add(failed("javascript: URL", () -> "javascript:alert(1)",
                () -> "invalid URL \"javascript:alert(1)\": unsupported scheme \"javascript:\"; only http and https can be fetched"));
        cases.add(failed("data: URL", () -> "data:text/html,<p>hi</p>",
                () -> "invalid URL \"data:text/html,<p>hi</p>\": unsupported scheme \"data:\"; only http and https can be fetched"));
        cases.add(failed("ftp: URL", () -> "ftp://example.invalid/file.txt",
                () -> "invalid URL \"ftp://example.invalid/file.txt\": unsupported scheme \"ftp:\"; only http and https can be fetched"));
        cases.add(failed("file: URL", () -> "file:///etc/passwd",
                () -> "file: URLs are not fetched; give the path of the saved page instead"));
        cases.add(archived("local path", () -> {
            try {
                Path file = Files.writeString(shared.resolve("saved page.html"), "<title>Saved</title><p>From disk.</p>");
                return file.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, s -> {
            assertThat(s.article().title()).isEqualTo("Saved");
            assertThat(s.article().url()).startsWith("file:/").endsWith("saved%20page.html");
        }));
        cases.add(failed("missing local path", () -> "no/such/page.html",
                () -> "not a URL and no such file: no/such/page.html (URLs start with http:// or https://)"));
        cases.add(failed("port out of range", () -> "http://127.0.0.1:99999/",
                () -> "invalid URL \"http://127.0.0.1:99999/\": port out of range"));
        cases.add(failed("no host", () -> "http:///path", () -> "invalid URL \"http:///path\": no host"));
        cases.add(failed("credentials in the URL", () -> web.url("/u/secret").replace("://", "://user:pw@"),
                () -> "invalid URL \"" + web.url("/u/secret").replace("://", "://user:pw@")
                        + "\": credentials in URLs are not supported"));
    }

    // ---- running a case ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void archivesOrFailsExactly(Case c) throws Exception {
        String input = c.input().get();
        Cli cli = new Cli(home);
        // one attempt each: the outcome of a single exchange is under test here, retries in BatchFetchTest
        // robots.txt too is in BatchFetchTest: here the raw servers answer every request the same way
        List<String> args = new ArrayList<>(List.of("fetch", "--json", "--retries", "0", "--ignore-robots"));
        args.addAll(c.options());
        args.add(input);

        long start = System.nanoTime();
        Cli.Result r = cli.run(args.toArray(String[]::new));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.lines()).as(r.err()).hasSize(1);
        JsonNode line = JSON.readTree(r.lines().get(0));
        if (c.outcome() instanceof Failed failed) {
            String message = failed.message().get();
            assertThat(r.err()).isEqualTo("arca: fetch " + input + ": " + message + "\n");
            assertThat(r.status()).isEqualTo(1);
            assertThat(line.get("status").asText()).isEqualTo("failed");
            assertThat(line.get("error").asText()).isEqualTo(message);
            assertThat(bundles(cli.store())).isEmpty();
        } else if (c.outcome() instanceof Archived archived) {
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.err()).isEqualTo(archived.warning() == null ? ""
                    : "arca: fetch " + input + ": archived with a warning: " + archived.warning() + "\n");
            assertThat(line.get("status").asText()).isEqualTo("archived");
            Path bundle = Path.of(line.get("bundle").asText());
            assertThat(BundleVerifier.verify(bundle).ok()).isTrue();
            try (BundleReader reader = BundleReader.open(bundle)) {
                ByteArrayOutputStream original = new ByteArrayOutputStream();
                reader.copyOriginal(original);
                archived.check().accept(new Stored(line, reader.article(), original.toByteArray(), bundle, took));
            }
        }
    }

    private static List<Path> bundles(Path store) throws IOException {
        if (!Files.exists(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(p -> p.toString().endsWith(".wacz")).toList();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String page(String path, byte[] body, String... headers) {
        return page(path, 200, body, headers);
    }

    private static String page(String path, int status, byte[] body, String... headers) {
        if (headers.length % 2 == 1) {
            String[] named = new String[headers.length + 1];
            named[0] = "Content-Type";
            System.arraycopy(headers, 0, named, 1, headers.length);
            headers = named;
        }
        web.page(path, status, body, headers);
        return web.url(path);
    }

    private static String chain(String prefix, int hops) {
        for (int i = 0; i < hops; i++) {
            web.redirect(i == 0 ? prefix : prefix + i, 301, prefix + (i + 1));
        }
        web.html(prefix + hops, "<title>End of chain</title>");
        return web.url(prefix);
    }

    private static String authority(String url) {
        return java.net.URI.create(url).getRawAuthority();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bom(byte[] bom, String text, java.nio.charset.Charset charset) {
        byte[] body = text.getBytes(charset);
        byte[] out = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] deflateRaw(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            d.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What the brotli decoder says about bytes that are not brotli, as arca reports it. */
    private static String brotliError(byte[] notBrotli) {
        try (BrotliInputStream in = new BrotliInputStream(new java.io.ByteArrayInputStream(notBrotli))) {
            in.readAllBytes();
            return "decoded";
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
