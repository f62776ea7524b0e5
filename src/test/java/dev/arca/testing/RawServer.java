package dev.arca.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that writes whatever bytes a test asks for, for the responses a well-behaved
 * HTTP server library refuses to send: a wrong Content-Length, garbage, a hang, a reset.
 */
public final class RawServer implements AutoCloseable {

    /** What to do with one connection once its request head is read. */
    @FunctionalInterface
    public interface Handler {
        void handle(OutputStream out, Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> received = new ConcurrentHashMap<>();
    private volatile String greeting;

    /** A server that writes {@code bytes} as soon as a client connects, before reading anything. */
    public static RawServer greeting(String bytes) {
        RawServer server = new RawServer();
        server.greeting = bytes;
        return server;
    }

    public RawServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    public RawServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Answers {@code path} with exactly {@code bytes}, then closes the connection. */
    public RawServer bytes(String path, String bytes) {
        return on(path, (out, s) -> out.write(bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "raw-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            if (greeting != null) {
                client.getOutputStream().write(greeting.getBytes(StandardCharsets.ISO_8859_1));
                client.getOutputStream().flush();
                return;
            }
            byte[] head = requestHead(client.getInputStream());
            String path = requestPath(head);
            if (path != null) {
                received.put(path, head);
            }
            Handler handler = path == null ? null : handlers.get(path);
            if (handler != null) {
                OutputStream out = client.getOutputStream();
                handler.handle(out, client);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away; nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request head last received for {@code path}, byte for byte, or null when none came. */
    public byte[] received(String path) {
        return received.get(path);
    }

    private static byte[] requestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    private static String requestPath(byte[] head) {
        String[] line = new String(head, StandardCharsets.ISO_8859_1).split(" ", 3);
        return line.length < 2 ? null : line[1];
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
