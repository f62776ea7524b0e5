package dev.arca.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One connection to a browser's DevTools WebSocket, speaking the Chrome DevTools Protocol: commands
 * go out as JSON with an id and their results come back under that id; events have no id and go
 * to the listener of the session they belong to. Sessions are "flat": a tab's commands and events
 * carry its {@code sessionId} over this one socket.
 */
final class DevTools implements AutoCloseable {

    /** An event: its session (null for the browser's own), its method, e.g. "Network.loadingFinished", and params. */
    record Event(String sessionId, String method, JsonNode params) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "";

    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Event>> listeners = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private DevTools(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to {@code url}, the browser's {@code ws://127.0.0.1:PORT/devtools/browser/ID}. */
    static DevTools connect(URI url, Duration timeout) throws IOException {
        Receiver receiver = new Receiver();
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(url, receiver).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            DevTools devTools = new DevTools(socket);
            receiver.devTools.complete(devTools);
            return devTools;
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to the browser's DevTools at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to the browser", e);
        }
    }

    /** Sends events of {@code sessionId} (null: the browser's) to {@code listener}, replacing any before. */
    void listen(String sessionId, Consumer<Event> listener) {
        listeners.put(sessionId == null ? BROWSER : sessionId, listener);
    }

    void forget(String sessionId) {
        listeners.remove(sessionId);
    }

    /** Sends a command; the future completes with its result, or fails with a {@link DevToolsException}. */
    CompletableFuture<JsonNode> send(String sessionId, String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        if (closed.isDone()) {
            fail(id, method + ": the browser closed the connection");
            return result;
        }
        synchronized (socket) { // one text message at a time, as WebSocket requires
            try {
                socket.sendText(message.toString(), true).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                fail(id, method + ": cannot send to the browser: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(id, method + ": interrupted");
            }
        }
        return result;
    }

    /** Sends a command and waits at most {@code timeout} for its result. */
    JsonNode call(String sessionId, String method, ObjectNode params, Duration timeout)
            throws DevToolsException, InterruptedException {
        CompletableFuture<JsonNode> result = send(sessionId, method, params);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DevToolsException d ? d : new DevToolsException(method + ": " + e.getCause());
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new DevToolsException(method + ": no answer from the browser within " + timeout.toSeconds() + " s");
        }
    }

    /** True once the browser has closed the connection. */
    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        socket.abort();
        onClose();
    }

    private void fail(long id, String message) {
        CompletableFuture<JsonNode> result = pending.remove(id);
        if (result != null) {
            result.completeExceptionally(new DevToolsException(message));
        }
    }

    private void onMessage(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not CDP: nothing waits for it
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> result = pending.remove(message.get("id").asLong());
            if (result == null) {
                return;
            }
            if (message.has("error")) {
                result.completeExceptionally(new DevToolsException(message.get("error").path("message").asText("error")));
            } else {
                result.complete(message.path("result"));
            }
            return;
        }
        String session = message.path("sessionId").asText(BROWSER);
        Consumer<Event> listener = listeners.get(session);
        if (listener != null) {
            listener.accept(new Event(session.isEmpty() ? null : session, message.path("method").asText(), message.path("params")));
        }
    }

    private void onClose() {
        closed.complete(null);
        for (Long id : pending.keySet()) {
            fail(id, "the browser closed the connection");
        }
        Consumer<Event> browser = listeners.get(BROWSER);
        if (browser != null) {
            browser.accept(new Event(null, "arca.closed", JSON.createObjectNode()));
        }
    }

    /** Collects a message's parts, which may arrive in pieces, and hands each whole one on. */
    private static final class Receiver implements WebSocket.Listener {
        final CompletableFuture<DevTools> devTools = new CompletableFuture<>();
        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String text = parts.toString();
                parts.setLength(0);
                devTools.join().onMessage(text);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            devTools.join().onClose();
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            devTools.join().onClose();
        }
    }
}
