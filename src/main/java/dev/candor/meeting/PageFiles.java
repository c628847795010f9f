package dev.candor.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The files the meeting pages are made of, read once from the class path by the servers that
 * serve them. The page side of the app bridge ({@code candorBridge}) is the browser layer's
 * resource; the meeting servers serve it as a file so that it runs before the page's own script,
 * and it defines nothing in a plain browser.
 */
public final class PageFiles {
    /** The class-path resource of the bridge's page side, owned by the browser layer. */
    public static final String BRIDGE = "dev/candor/browser/bridge.js";

    /** The shared page side of the meeting protocol (event queue, DOM fallback). */
    public static final String PAGE_BRIDGE = "dev/candor/web/page-bridge.js";

    private PageFiles() {}

    /**
     * A class-path resource's bytes.
     *
     * @throws IllegalStateException if it is missing (a broken build)
     */
    public static byte[] read(String resource) {
        try (InputStream in = PageFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
