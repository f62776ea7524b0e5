import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's "site farm": eight hosts, 127.0.0.1 to 127.0.0.8 on one port, serving distinct
 * article pages of about 50 KB each at /article/N.html, every response held back by a fixed latency
 * as a distant server would. Writes the port to the file named by its first argument once every
 * host listens, and serves until killed.
 *
 * <p>With {@code --requisites} every page also links ten resources, each held back by the same
 * latency: per host a stylesheet /static/site.css (with a url() background and an @font-face font)
 * and a logo, and per page six images, one with a srcset and one lazy (data-src). GET /farm/requests
 * answers at once with the number of requests served so far, so a bench can count a tool's requests.
 *
 * <p>Usage: {@code java SiteFarm.java PORT_FILE [PAGES] [LATENCY_MS] [PAGE_KB] [--requisites]}
 */
public final class SiteFarm {

    private static final String[] WORDS = ("harbour bridge council budget river school report election museum "
            + "market festival railway storm library hospital police weather season garden coast village "
            + "minister energy transport water housing court teacher farmer doctor island mountain history").split(" ");

    private SiteFarm() {
    }

    /** A valid 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    /** Not a font a renderer would draw, but the WOFF2 signature and some bytes, which is all a fetcher sees. */
    private static final byte[] FONT = ("wOF2" + "\0".repeat(60)).getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CSS = ("body { font-family: Farm, serif; background: url(bg.png) repeat-x; }\n"
            + "@font-face { font-family: Farm; src: url(farm.woff2) format(\"woff2\"); }\n"
            + "header img { height: 40px; }\n").getBytes(StandardCharsets.UTF_8);
    private static final AtomicLong REQUESTS = new AtomicLong();

    public static void main(String[] argv) throws Exception {
        List<String> flags = Arrays.stream(argv).filter(a -> a.startsWith("--")).toList();
        String[] args = Arrays.stream(argv).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        boolean requisites = flags.contains("--requisites");
        Path portFile = Path.of(args[0]);
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int pageKb = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        byte[][] bodies = new byte[pages][];
        for (int i = 0; i < pages; i++) {
            bodies[i] = page(i, pageKb * 1024, requisites).getBytes(StandardCharsets.UTF_8);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        List<HttpServer> servers = new ArrayList<>();
        for (int host = 1; host <= 8; host++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0." + host, port), 256);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/article/", exchange -> serve(exchange, bodies, latencyMs));
            server.createContext("/static/", exchange -> serveResource(exchange, latencyMs));
            server.createContext("/img/", exchange -> serveResource(exchange, latencyMs));
            server.createContext("/farm/requests", SiteFarm::serveCount);
            server.start();
            servers.add(server);
        }
        Files.writeString(portFile, Integer.toString(port));
        System.err.println("site farm: " + pages + " pages on 127.0.0.1-8:" + port + ", " + latencyMs + " ms latency"
                + (requisites ? ", 10 requisites a page" : ""));
        Thread.currentThread().join();
    }

    private static void serve(HttpExchange exchange, byte[][] bodies, int latencyMs) throws IOException {
        REQUESTS.incrementAndGet();
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/article/".length());
            int n;
            try {
                n = Integer.parseInt(name.replace(".html", ""));
            } catch (NumberFormatException e) {
                n = -1;
            }
            sleep(latencyMs);
            if (n < 0 || n >= bodies.length) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            reply(exchange, "text/html; charset=utf-8", bodies[n]);
        }
    }

    /** The stylesheet, the font, or a PNG for any other name under /static/ or /img/. */
    private static void serveResource(HttpExchange exchange, int latencyMs) throws IOException {
        REQUESTS.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            sleep(latencyMs);
            byte[] body = path.endsWith(".css") ? CSS : path.endsWith(".woff2") ? FONT : PNG;
            String type = path.endsWith(".css") ? "text/css" : path.endsWith(".woff2") ? "font/woff2" : "image/png";
            reply(exchange, type, body);
        }
    }

    private static void serveCount(HttpExchange exchange) throws IOException {
        try (exchange) {
            reply(exchange, "text/plain", (REQUESTS.get() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void reply(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A plausible news article: title, byline, date and paragraphs of words, distinct for every n. */
    private static String page(int n, int size, boolean requisites) {
        Random random = new Random(n);
        StringBuilder html = new StringBuilder(size + 1024);
        String title = "Article " + n + ": the " + word(random) + " and the " + word(random);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title><meta name=\"author\" content=\"Reporter ").append(n % 17)
                .append("\">").append(requisites ? "<link rel=\"stylesheet\" href=\"/static/site.css\">" : "")
                .append("</head><body><header>").append(requisites ? "<img src=\"/static/logo.png\" alt=\"The Farm Gazette\">" : "")
                .append("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>")
                .append("<article><h1>").append(title).append("</h1><p class=\"byline\">By Reporter ").append(n % 17)
                .append(" · <time datetime=\"2024-03-01\">1 March 2024</time></p>");
        if (requisites) {
            String dir = "/img/" + n + "/";
            html.append("<figure><img src=\"").append(dir).append("lead.png\" alt=\"Lead\"></figure>")
                    .append("<figure><img src=\"").append(dir).append("wide.png\" srcset=\"").append(dir)
                    .append("wide.png 1x, ").append(dir).append("wide-2x.png 2x\" alt=\"Wide\"></figure>")
                    .append("<figure><img data-src=\"").append(dir).append("lazy.png\" class=\"lazyload\" alt=\"Lazy\"></figure>");
        }
        int figures = 0;
        while (html.length() < size - 200) {
            html.append("<p>");
            int words = 40 + random.nextInt(60);
            for (int w = 0; w < words; w++) {
                html.append(w == 0 ? "" : " ").append(word(random));
            }
            html.append(".</p>\n");
            if (requisites && figures < 3 && html.length() > size * (figures + 1) / 4) {
                html.append("<figure><img src=\"/img/").append(n).append("/figure-").append(figures)
                        .append(".png\" alt=\"Figure\"></figure>\n");
                figures++;
            }
        }
        return html.append("</article><footer>© The Farm Gazette</footer></body></html>").toString();
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
