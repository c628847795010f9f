package dev.candor.meeting.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.meeting.PageChannel;
import dev.candor.meeting.PageMessage;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The test's stand-in for Candor's JCEF bridge: injects {@code window.candorBridge} into the tab's
 * top frame before any page script runs (as Candor's browser layer does), carries page → Java
 * messages through a DevTools binding and Java → page messages through {@code Runtime.evaluate}.
 * Received messages are delivered in order on one thread.
 */
public final class CdpPageChannel implements PageChannel, AutoCloseable {
    private static final String BINDING = "__candorOut";
    private static final String SHIM =
            """
            (() => {
              if (window !== window.top) return;
              const handlers = new Map();
              window.candorBridge = Object.freeze({
                send(type, payload) {
                  window.__candorOut(JSON.stringify({ v: 1, type, payload: payload || {} }));
                },
                on(type, fn) {
                  if (!handlers.has(type)) handlers.set(type, []);
                  handlers.get(type).push(fn);
                },
              });
              window.__candorIn = (json) => {
                const m = JSON.parse(json);
                for (const fn of handlers.get(m.type) || []) {
                  try { fn(m.payload); } catch (e) { console.error(e); }
                }
              };
            })();
            """;

    private final CdpPage page;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> new Thread(r, "cdp-bridge"));
    private volatile Consumer<PageMessage> receiver = m -> {};

    public CdpPageChannel(CdpPage page) {
        this(page, true);
    }

    /**
     * @param beforeLoad inject the bridge before any page script runs; otherwise call {@link
     *     #injectNow()} after load, as a bridge that attaches late would
     */
    public CdpPageChannel(CdpPage page, boolean beforeLoad) {
        this.page = Objects.requireNonNull(page);
        page.onEvent(msg -> {
            if (msg.path("method").asText().equals("Runtime.bindingCalled")
                    && msg.path("params").path("name").asText().equals(BINDING)) {
                String json = msg.path("params").path("payload").asText();
                if (!delivery.isShutdown()) { // a message after close() is dropped, as a closed page's is
                    delivery.execute(() -> receiver.accept(PageMessage.fromJson(json)));
                }
            }
        });
        page.call("Runtime.addBinding", HeadlessChromium.JSON.createObjectNode().put("name", BINDING));
        if (beforeLoad) {
            page.call(
                    "Page.addScriptToEvaluateOnNewDocument",
                    HeadlessChromium.JSON.createObjectNode().put("source", SHIM));
        }
    }

    /** Injects the bridge into the loaded page and announces it with 'candor:bridge-ready'. */
    public void injectNow() {
        page.evaluate(SHIM + "; window.dispatchEvent(new Event('candor:bridge-ready')); true");
    }

    @Override
    public void send(PageMessage message) {
        String literal;
        try {
            literal = HeadlessChromium.JSON.writeValueAsString(message.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode p = HeadlessChromium.JSON.createObjectNode().put("expression", "window.__candorIn(" + literal + ")");
        page.callAsync("Runtime.evaluate", p);
    }

    @Override
    public void onMessage(Consumer<PageMessage> receiver) {
        this.receiver = Objects.requireNonNull(receiver);
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
