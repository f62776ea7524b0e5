package dev.arca.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/** A real HTTP server on 127.0.0.1 for tests, built on the JDK's {@code com.sun.net.httpserver}. */
public final class LoopbackServer implements AutoCloseable {

    /** A request as the server saw it. */
    public record Seen(String method, String path, Map<String, List<String>> headers, long nanoTime) {
    }

    private final HttpServer server;
    private final List<Seen> requests = new CopyOnWriteArrayList<>();

    public LoopbackServer() {
        this("127.0.0.1");
    }

    public LoopbackServer(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The absolute URL of {@code path} on this server. */
    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
    }

    public List<Seen> requests() {
        return List.copyOf(requests);
    }

    /** Serves {@code body} with a fixed Content-Length and the given headers (name, value, name, value...). */
    public LoopbackServer page(String path, int status, byte[] body, String... headers) {
        return handle(path, exchange -> {
            addHeaders(exchange, headers);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** Serves an HTML page as UTF-8 with status 200. */
    public LoopbackServer html(String path, String html) {
        return page(path, 200, html.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/html; charset=utf-8");
    }

    /** Serves {@code body} with chunked transfer coding. */
    public LoopbackServer chunked(String path, byte[] body, String... headers) {
        return handle(path, exchange -> {
            addHeaders(exchange, headers);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < body.length; i += 100) {
                    out.write(body, i, Math.min(100, body.length - i));
                    out.flush();
                }
            }
        });
    }

    /** Answers {@code path} with a redirect to {@code location}. */
    public LoopbackServer redirect(String path, int status, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
    }

    /** Registers any handler for exactly {@code path}; the request is recorded first. */
    public LoopbackServer handle(String path, HttpHandler handler) {
        return handle(path, handler, false);
    }

    /**
     * Registers any handler; the request is recorded first. With {@code subtree}, the handler
     * answers every path below {@code path} too.
     */
    public LoopbackServer handle(String path, HttpHandler handler, boolean subtree) {
        server.createContext(path, exchange -> {
            if (!subtree && !exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            requests.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), System.nanoTime()));
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    /** Answers an exchange with {@code html} as a UTF-8 page with status 200, from a custom handler. */
    public static void sendHtml(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void addHeaders(HttpExchange exchange, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
    }

    /** {@code bytes} gzip-compressed. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code size} zero bytes gzip-compressed: a small body that expands to a large one (a gzip bomb). */
    public static byte[] gzipZeros(long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                gz.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A well-formed document gzip-compressed, {@code head}, {@code spaces} spaces, then {@code tail}:
     * a gzip bomb that a parser would read to the end, as zeros it stops at.
     */
    public static byte[] gzipPadded(String head, long spaces, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] blank = new byte[1 << 20];
            Arrays.fill(blank, (byte) ' ');
            for (long written = 0; written < spaces; written += blank.length) {
                gz.write(blank, 0, (int) Math.min(blank.length, spaces - written));
            }
            gz.write(tail.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
