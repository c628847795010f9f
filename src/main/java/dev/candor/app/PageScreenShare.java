package dev.candor.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.browser.BridgeRequest;
import dev.candor.browser.BrowserPage;
import dev.candor.browser.PageSpec;
import dev.candor.media.DesktopSource;
import dev.candor.media.ScreenShareGate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Screen sharing of one meeting page (the local room page or the Jitsi host page). The call
 * bar's button sends the page {@code toggleShareScreen}; to start, the page asks {@code
 * screen.pick} through the bridge, which Candor answers through the {@link ScreenShareGate}
 * (picker shown only for the meeting's own page) with the chosen source, and the page then
 * captures it and reports {@code screenSharingStatusChanged}.
 *
 * <p>Threads: bridge messages arrive on CEF's thread; {@link #toggle} is called on the FX thread.
 */
final class PageScreenShare implements dev.candor.ui.call.ScreenShare {
    static final String PICK = "screen.pick";
    static final String STATUS = "screenSharingStatusChanged";
    static final String TOGGLE = "toggleShareScreen";

    private final ScreenShareGate gate;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile BrowserPage page;

    PageScreenShare(ScreenShareGate gate) {
        this.gate = gate;
    }

    /** Registers the page's two screen-sharing messages on a page being built. */
    PageSpec.Builder register(PageSpec.Builder spec) {
        spec.on(PICK, 1, this::pick);
        spec.on(STATUS, 1, request -> {
            status(request.payload());
            return null;
        });
        return spec;
    }

    /** The call ended: an open picker closes and nothing more may be shared. */
    void close() {
        gate.close();
    }

    void attach(BrowserPage page) {
        this.page = page;
    }

    private Object pick(BridgeRequest request) {
        return gate.request(request.origin().toString()).thenApply(PageScreenShare::reply);
    }

    /** {@code {source: {id, name, kind, thumbnail}}}, {@code source} null when nothing was chosen. */
    static Map<String, Object> reply(Optional<DesktopSource> choice) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "source",
                choice.map(s -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", s.id());
                            m.put("name", s.name());
                            m.put("kind", s.kind() == DesktopSource.Kind.SCREEN ? "screen" : "window");
                            m.put(
                                    "thumbnail",
                                    s.thumbnail()
                                            .map(png -> "data:image/png;base64,"
                                                    + Base64.getEncoder().encodeToString(png))
                                            .orElse(""));
                            return m;
                        })
                        .orElse(null));
        return out;
    }

    private void status(JsonNode payload) {
        boolean on = payload.path("on").asBoolean(false);
        if (!on) {
            gate.stopped();
        }
        listeners.forEach(l -> l.accept(on));
    }

    @Override
    public void toggle() {
        BrowserPage p = page;
        if (p != null) {
            p.post(TOGGLE, 1, Map.of());
        }
    }

    @Override
    public void onSharingChanged(Consumer<Boolean> listener) {
        listeners.add(listener);
    }
}
