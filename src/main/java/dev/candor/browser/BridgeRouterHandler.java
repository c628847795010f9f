package dev.candor.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.callback.CefQueryCallback;
import org.cef.handler.CefMessageRouterHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JS→Java half of the bridge: every {@code window.cefQuery} from any frame lands here, and is
 * answered, never thrown. A query is accepted only from a frame whose URL is on one of the page's
 * bridge origins, at most the page's size cap, as JSON {@code {type, v, payload}} of a registered
 * type and version.
 *
 * <p>Threads: runs on CEF's UI thread.
 */
final class BridgeRouterHandler extends CefMessageRouterHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(BridgeRouterHandler.class);

    private final Function<CefBrowser, BrowserPage> pages;
    /** Built into every page: bridge.js asks to open a link in the system browser. */
    static final String OPEN_EXTERNAL = "browser.openExternal";
    /** How long after a click or key press a foreign frame may open a link (Chromium's own user-activation span). */
    static final Duration USER_ACTION_WINDOW = Duration.ofSeconds(5);

    private final ObjectMapper json;
    private final ExternalOpener opener;

    BridgeRouterHandler(Function<CefBrowser, BrowserPage> pages, ObjectMapper json, ExternalOpener opener) {
        this.pages = pages;
        this.json = json;
        this.opener = opener;
    }

    @Override
    public boolean onQuery(
            CefBrowser browser, CefFrame frame, long queryId, String request, boolean persistent, CefQueryCallback cb) {
        BrowserPage page = pages.apply(browser);
        String frameUrl = frame == null ? null : frame.getURL();
        if (page == null) {
            cb.failure(BridgeException.FORBIDDEN, "No Candor page");
            return true;
        }
        try {
            Object reply = dispatch(page.spec(), frameUrl, request, () -> page.takeUserAction(USER_ACTION_WINDOW));
            if (reply instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, error) -> {
                    if (error != null) {
                        fail(cb, error);
                    } else {
                        succeed(cb, value);
                    }
                });
            } else {
                succeed(cb, reply);
            }
        } catch (Exception e) {
            fail(cb, e);
        }
        return true;
    }

    /** Checks and routes one query from a page with no recent user action. */
    Object dispatch(PageSpec spec, String frameUrl, String request) throws Exception {
        return dispatch(spec, frameUrl, request, () -> false);
    }

    /**
     * Checks and routes one query; package-visible for unit tests. A frame outside the bridge
     * origins may only ask to open a web link, and only right after a user action in the view
     * ({@code userAction} is asked, and uses the action up, only then).
     */
    Object dispatch(PageSpec spec, String frameUrl, String request, BooleanSupplier userAction) throws Exception {
        Optional<Origin> origin = Origin.of(frameUrl).filter(spec.bridgeOrigins()::contains);
        if (origin.isEmpty() && isOpenExternal(request, spec)) {
            return openFromForeignFrame(frameUrl, request, userAction);
        }
        if (origin.isEmpty()) {
            log.warn(
                    "Bridge query refused from a frame outside the page's bridge origins ({})",
                    Origin.of(frameUrl).map(Origin::toString).orElse("no origin"));
            throw new BridgeException(BridgeException.FORBIDDEN, "Origin not allowed");
        }
        if (request == null
                || request.length() > spec.maxMessageBytes()
                || request.getBytes(StandardCharsets.UTF_8).length > spec.maxMessageBytes()) {
            throw new BridgeException(BridgeException.TOO_LARGE, "Message too large");
        }
        JsonNode message;
        try {
            message = json.readTree(request);
        } catch (Exception e) {
            throw new BridgeException(BridgeException.BAD_MESSAGE, "Message is not JSON");
        }
        if (message == null || !message.isObject() || !message.path("type").isTextual()) {
            throw new BridgeException(BridgeException.BAD_MESSAGE, "Message needs a string type");
        }
        String type = message.get("type").asText();
        if (type.equals(OPEN_EXTERNAL) && message.path("v").asInt() == 1) {
            String url = message.path("payload").path("url").asText("");
            if (!NavigationPolicy.isWeb(url)) {
                throw new BridgeException(BridgeException.BAD_MESSAGE, "Only web links open externally");
            }
            opener.open(java.net.URI.create(url));
            return null;
        }
        PageSpec.Route route = spec.routes().get(type);
        if (route == null) {
            throw new BridgeException(BridgeException.UNKNOWN_TYPE, "Unknown message type");
        }
        JsonNode v = message.path("v");
        if (!v.isInt() || v.intValue() != route.version()) {
            throw new BridgeException(BridgeException.WRONG_VERSION, "Unsupported version of " + type);
        }
        JsonNode payload = message.has("payload") ? message.get("payload") : NullNode.getInstance();
        return route.handler().handle(new BridgeRequest(type, route.version(), payload, origin.get()));
    }

    private boolean isOpenExternal(String request, PageSpec spec) {
        return request != null && request.length() <= spec.maxMessageBytes() && request.contains(OPEN_EXTERNAL);
    }

    /** A link or popup from a frame the app did not write (see frame-links.js). */
    private Object openFromForeignFrame(String frameUrl, String request, BooleanSupplier userAction)
            throws BridgeException {
        JsonNode message;
        try {
            message = json.readTree(request);
        } catch (Exception e) {
            throw new BridgeException(BridgeException.BAD_MESSAGE, "Message is not JSON");
        }
        if (message == null
                || !OPEN_EXTERNAL.equals(message.path("type").asText())
                || message.path("v").asInt() != 1) {
            throw new BridgeException(BridgeException.FORBIDDEN, "Origin not allowed");
        }
        String url = message.path("payload").path("url").asText("");
        if (!NavigationPolicy.isWeb(url)) {
            log.warn("Refused to open a {} link from a frame", NavigationPolicy.scheme(url));
            throw new BridgeException(BridgeException.BAD_MESSAGE, "Only web links open externally");
        }
        if (!userAction.getAsBoolean()) {
            log.warn(
                    "A frame from {} asked to open a link without a click or key press; refused",
                    Origin.of(frameUrl).map(Origin::toString).orElse("no origin"));
            throw new BridgeException(BridgeException.FORBIDDEN, "Links open only on a user action");
        }
        try {
            opener.open(java.net.URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new BridgeException(BridgeException.BAD_MESSAGE, "Malformed link");
        }
        log.info("A link from a meeting frame opened in the system browser");
        return null;
    }

    private void succeed(CefQueryCallback cb, Object value) {
        try {
            // ASCII only: JNI passes strings as modified UTF-8, which mangles characters beyond U+FFFF.
            cb.success(ScriptLiteral.of(value));
        } catch (Exception e) {
            fail(cb, e);
        }
    }

    private static void fail(CefQueryCallback cb, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof BridgeException be) {
            cb.failure(be.code(), be.getMessage());
        } else {
            log.warn("Bridge handler failed", e);
            cb.failure(BridgeException.FAILED, "Handler failed");
        }
    }
}
