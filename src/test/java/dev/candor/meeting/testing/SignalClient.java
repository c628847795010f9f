package dev.candor.meeting.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare signalling client for tests: sends raw text, collects what the server sends and why it closed. */
public final class SignalClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket ws;

    private SignalClient(WebSocket ws) {
        this.ws = ws;
    }

    public static SignalClient connect(URI uri) {
        return connect(uri, null);
    }

    public static SignalClient connect(URI uri, String origin) {
        Listener listener = new Listener();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            b.header("Origin", origin);
        }
        WebSocket ws = b.buildAsync(uri, listener).join();
        SignalClient c = new SignalClient(ws);
        listener.client = c;
        return c;
    }

    /** Connects and joins; returns the client after its welcome arrived. */
    public static SignalClient join(URI uri, String name) throws Exception {
        SignalClient c = connect(uri);
        c.send("{\"type\":\"join\",\"name\":\"" + name + "\"}");
        JsonNode welcome = c.next();
        if (!welcome.path("type").asText().equals("welcome")) {
            throw new AssertionError("expected welcome, got " + welcome);
        }
        c.welcome = welcome;
        return c;
    }

    public JsonNode welcome;

    public String id() {
        return welcome.path("id").asText();
    }

    public void send(String text) {
        ws.sendText(text, true).join();
    }

    public JsonNode next() throws InterruptedException {
        JsonNode n = received.poll(5, TimeUnit.SECONDS);
        if (n == null) {
            throw new AssertionError("no message within 5 s");
        }
        return n;
    }

    /** The next message of the given type, skipping others. */
    public JsonNode next(String type) throws InterruptedException {
        while (true) {
            JsonNode n = next();
            if (n.path("type").asText().equals(type)) {
                return n;
            }
        }
    }

    /** "code reason" of the close frame the server sent. */
    public String closeReason() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        SignalClient client;
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    client.received.add(JSON.readTree(text.toString()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            client.closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            client.closed.complete("error " + error);
        }
    }
}
