package dev.candor.ai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A model server for tests on 127.0.0.1 that speaks Ollama's {@code /api/chat} and OpenAI's
 * {@code /v1/chat/completions}: it records every prompt and answers with what the test's function
 * returns for it (null → HTTP 500).
 */
final class FakeModelServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> prompts = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile Function<String, String> answer;

    FakeModelServer(Function<String, String> answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/chat", ex -> handle(ex, true));
        server.createContext("/v1/chat/completions", ex -> handle(ex, false));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex, boolean ollama) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        String user = "";
        for (JsonNode m : body.path("messages")) {
            if (m.path("role").asText().equals("user")) {
                user = m.path("content").asText();
            }
        }
        prompts.add(user);
        paths.add(ex.getRequestURI().getPath());
        String content = answer.apply(user);
        byte[] out;
        int status = 200;
        if (content == null) {
            status = 500;
            out = "{\"error\":\"model crashed\"}".getBytes(StandardCharsets.UTF_8);
        } else if (ollama) {
            out = JSON.writeValueAsBytes(java.util.Map.of(
                    "model",
                    body.path("model").asText(),
                    "message",
                    java.util.Map.of("role", "assistant", "content", content),
                    "done",
                    true));
        } else {
            out = JSON.writeValueAsBytes(java.util.Map.of(
                    "choices",
                    List.of(java.util.Map.of(
                            "index", 0, "message", java.util.Map.of("role", "assistant", "content", content)))));
        }
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
