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
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;

/**
 * The benchmark's "site farm": eight hosts, 127.0.0.1 to 127.0.0.8 on one port, serving distinct
 * article pages of about 50 KB each at /article/N.html, every response held back by a fixed latency
 * as a distant server would. Writes the port to the file named by its first argument once every
 * host listens, and serves until killed.
 *
 * <p>Usage: {@code java SiteFarm.java PORT_FILE [PAGES] [LATENCY_MS] [PAGE_KB]}
 */
public final class SiteFarm {

    private static final String[] WORDS = ("harbour bridge council budget river school report election museum "
            + "market festival railway storm library hospital police weather season garden coast village "
            + "minister energy transport water housing court teacher farmer doctor island mountain history").split(" ");

    private SiteFarm() {
    }

    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[0]);
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int pageKb = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        byte[][] bodies = new byte[pages][];
        for (int i = 0; i < pages; i++) {
            bodies[i] = page(i, pageKb * 1024).getBytes(StandardCharsets.UTF_8);
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
            server.start();
            servers.add(server);
        }
        Files.writeString(portFile, Integer.toString(port));
        System.err.println("site farm: " + pages + " pages on 127.0.0.1-8:" + port + ", " + latencyMs + " ms latency");
        Thread.currentThread().join();
    }

    private static void serve(HttpExchange exchange, byte[][] bodies, int latencyMs) throws IOException {
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
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bodies[n].length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bodies[n]);
            }
        }
    }

    /** A plausible news article: title, byline, date and paragraphs of words, distinct for every n. */
    private static String page(int n, int size) {
        Random random = new Random(n);
        StringBuilder html = new StringBuilder(size + 1024);
        String title = "Article " + n + ": the " + word(random) + " and the " + word(random);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title><meta name=\"author\" content=\"Reporter ").append(n % 17)
                .append("\"></head><body><header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>")
                .append("<article><h1>").append(title).append("</h1><p class=\"byline\">By Reporter ").append(n % 17)
                .append(" · <time datetime=\"2024-03-01\">1 March 2024</time></p>");
        while (html.length() < size - 200) {
            html.append("<p>");
            int words = 40 + random.nextInt(60);
            for (int w = 0; w < words; w++) {
                html.append(w == 0 ? "" : " ").append(word(random));
            }
            html.append(".</p>\n");
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
