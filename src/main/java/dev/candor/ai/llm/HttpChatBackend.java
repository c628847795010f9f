package dev.candor.ai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A model server on this computer speaking the Ollama chat API ({@code POST /api/chat}) or the
 * OpenAI-compatible one ({@code POST /v1/chat/completions}, as served by llama.cpp's server,
 * LM Studio, vLLM…). The address is checked by {@link LoopbackOnly} before anything is sent.
 */
public final class HttpChatBackend implements ChatBackend {
    /** Which chat API the server speaks. */
    public enum Api {
        OLLAMA,
        OPENAI
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final URI base;
    private final String model;
    private final int contextTokens;
    private final Duration timeout;
    private final ExecutorService httpThreads;
    private final HttpClient http;

    public HttpChatBackend(Api api, String serverUrl, String model, int contextTokens, Duration timeout) {
        this.api = api;
        this.base = LoopbackOnly.check(serverUrl);
        this.model = model;
        this.contextTokens = contextTokens;
        this.timeout = timeout;
        // Own daemon threads, shut down on close, so the client never keeps the JVM alive.
        this.httpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "candor-llm-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .executor(httpThreads)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    @Override
    public String name() {
        return (api == Api.OLLAMA ? "ollama:" : "openai:") + model;
    }

    @Override
    public int contextTokens() {
        return contextTokens;
    }

    @Override
    public String chat(List<Message> messages, int maxAnswerTokens) throws LlmException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode list = body.putArray("messages");
        for (Message m : messages) {
            list.addObject().put("role", m.role()).put("content", m.content());
        }
        String path;
        if (api == Api.OLLAMA) {
            path = "/api/chat";
            body.put("stream", false);
            body.putObject("options")
                    .put("temperature", 0)
                    .put("num_ctx", contextTokens)
                    .put("num_predict", maxAnswerTokens);
        } else {
            path = "/v1/chat/completions";
            body.put("temperature", 0);
            body.put("max_tokens", maxAnswerTokens);
        }
        String prefix = base.getPath() == null || base.getPath().equals("/")
                ? ""
                : base.getPath().replaceAll("/+$", "");
        if (api == Api.OPENAI && prefix.endsWith("/v1")) {
            prefix = prefix.substring(0, prefix.length() - 3);
        }
        URI target = base.resolve(prefix + path);
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new LlmException(
                    "The model server at " + base + " did not answer within " + timeout.toSeconds() + " s.", e);
        } catch (ConnectException e) {
            throw new LlmException("No model server is running at " + base + ".", e);
        } catch (IOException e) {
            throw new LlmException("The model server at " + base + " could not be reached: " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            String detail = response.body() == null ? "" : response.body().strip();
            if (detail.length() > 200) {
                detail = detail.substring(0, 200) + "…";
            }
            throw new LlmException("The model server answered HTTP " + response.statusCode()
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        try {
            JsonNode root = JSON.readTree(response.body());
            JsonNode content = api == Api.OLLAMA
                    ? root.path("message").path("content")
                    : root.path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new LlmException("The model server's answer has no message text.");
            }
            return content.asText();
        } catch (IOException e) {
            throw new LlmException("The model server's answer is not valid JSON.", e);
        }
    }

    @Override
    public void close() {
        httpThreads.shutdownNow();
    }
}
