package dev.candor.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Scripts the meeting pages load from their own server. The page side of the app bridge
 * ({@code candorBridge}) is the browser layer's resource; the meeting servers serve it as a file so
 * that it runs before the page's own script, and it defines nothing in a plain browser.
 */
public final class PageScripts {
    /** The class-path resource of the bridge's page side, owned by the browser layer. */
    public static final String BRIDGE_RESOURCE = "dev/candor/browser/bridge.js";

    private PageScripts() {}

    /** The bridge script's bytes. */
    public static byte[] bridge() {
        try (InputStream in = PageScripts.class.getClassLoader().getResourceAsStream(BRIDGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BRIDGE_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
