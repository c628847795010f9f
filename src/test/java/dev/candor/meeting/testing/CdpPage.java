package dev.candor.meeting.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/** One Chromium tab: navigate, evaluate JavaScript, wait for a condition, listen to its events. */
public final class CdpPage {
    private final HeadlessChromium browser;
    private final String sessionId;
    final String targetId;

    CdpPage(HeadlessChromium browser, String sessionId, String targetId) {
        this.browser = browser;
        this.sessionId = sessionId;
        this.targetId = targetId;
    }

    public JsonNode call(String method, ObjectNode params) {
        return browser.call(sessionId, method, params);
    }

    void callAsync(String method, ObjectNode params) {
        browser.callAsync(sessionId, method, params);
    }

    /** Events of this tab ({@code method}, {@code params}). */
    public void onEvent(Consumer<JsonNode> listener) {
        browser.addEventListener(msg -> {
            if (sessionId.equals(msg.path("sessionId").asText())) {
                listener.accept(msg);
            }
        });
    }

    public void navigate(URI url) {
        call("Page.navigate", HeadlessChromium.JSON.createObjectNode().put("url", url.toString()));
    }

    /** Evaluates an expression (promises awaited) and returns its JSON value. */
    public JsonNode evaluate(String expression) {
        ObjectNode p = HeadlessChromium.JSON
                .createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode r = call("Runtime.evaluate", p);
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("page threw: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Polls until {@code expression} is truthy, or fails with the last value after {@code timeout}. */
    public void await(String expression, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            try {
                JsonNode v = evaluate("!!(" + expression + ")");
                if (v.asBoolean(false)) {
                    return;
                }
                last = v.toString();
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            HeadlessChromium.pause(Duration.ofMillis(50));
        }
        throw new AssertionError("page never satisfied " + expression + " (last: " + last + ")");
    }

    public void close() {
        // Fire and forget: Chromium answers only once the tab's unload work is done.
        browser.callAsync(
                null,
                "Target.closeTarget",
                HeadlessChromium.JSON.createObjectNode().put("targetId", targetId));
    }
}
