package dev.candor.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.EventQueue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.cef.browser.CandorOffscreenBrowser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open page: its spec, navigation policy, pixels and browser, and the Java→JS half of the
 * bridge. Created by {@link BrowserRuntime#open}; the view and the CEF handlers share it.
 *
 * <p>Threads: {@link #post} may be called from any thread; the script runs via the AWT event
 * thread. Listeners are told on CEF's UI thread.
 */
public final class BrowserPage {
    private static final Logger log = LoggerFactory.getLogger(BrowserPage.class);

    private final PageSpec spec;
    private final NavigationPolicy policy;
    private final ObjectMapper json;
    private final FrameBuffer frames = new FrameBuffer();
    private final CompletableFuture<String> firstLoad = new CompletableFuture<>();
    private final List<Consumer<String>> titleListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> addressListeners = new CopyOnWriteArrayList<>();
    private volatile CandorOffscreenBrowser browser;
    private volatile String address;
    private final java.util.concurrent.atomic.AtomicLong userActedAt = new java.util.concurrent.atomic.AtomicLong();

    BrowserPage(PageSpec spec, ObjectMapper json) {
        this.spec = spec;
        this.policy = new NavigationPolicy(spec.navigableOrigins());
        this.json = json;
        this.address = spec.url();
    }

    void attach(CandorOffscreenBrowser browser) {
        this.browser = browser;
    }

    public PageSpec spec() {
        return spec;
    }

    public NavigationPolicy policy() {
        return policy;
    }

    public FrameBuffer frames() {
        return frames;
    }

    /** Completes with the URL when the main frame first finished loading. */
    public CompletableFuture<String> firstLoad() {
        return firstLoad;
    }

    public void onTitle(Consumer<String> listener) {
        titleListeners.add(listener);
    }

    public void onAddress(Consumer<String> listener) {
        addressListeners.add(listener);
    }

    /** The main frame's current URL. */
    public String address() {
        return address;
    }

    /**
     * Sends a typed message to the page: {@code candorBridge.on(type, fn)} receives {@code
     * payload}. Delivered only while the main frame is on a bridge origin.
     */
    public void post(String type, int version, Object payload) {
        ObjectNode message = json.createObjectNode();
        message.put("type", type);
        message.put("v", version);
        message.set("payload", json.valueToTree(payload));
        String script = "window.candorBridge && " + ScriptLiteral.call("window.candorBridge.receive", message);
        CandorOffscreenBrowser b = browser;
        if (b == null) {
            return;
        }
        EventQueue.invokeLater(() -> {
            String url = b.getURL();
            if (Origin.of(url).filter(spec.bridgeOrigins()::contains).isEmpty()) {
                log.warn("Bridge message {} not delivered: page is not on a bridge origin", type);
                return;
            }
            b.executeJavaScript(script, "candor-bridge", 1);
        });
    }

    /** The user clicked or typed in this page's view (any thread). */
    void userActed() {
        userActedAt.set(System.nanoTime() | 1); // never 0, which means "no action to use"
    }

    /**
     * True, once, if the user clicked or typed in the view within {@code window}: a frame Candor
     * did not write may open one link per user action, as Chromium's own popup blocker allows.
     */
    boolean takeUserAction(java.time.Duration window) {
        long at = userActedAt.get();
        return at != 0 && System.nanoTime() - at <= window.toNanos() && userActedAt.compareAndSet(at, 0);
    }

    void titleChanged(String title) {
        titleListeners.forEach(l -> l.accept(title));
    }

    void addressChanged(String url) {
        address = url;
        addressListeners.forEach(l -> l.accept(url));
    }

    void loaded(String url) {
        firstLoad.complete(url);
    }
}
