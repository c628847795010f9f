package dev.candor.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page side of the bridge ({@code bridge.js}), for adapters to serve to their pages, e.g. at
 * {@code /candor/bridge.js} with content type {@code text/javascript; charset=utf-8}.
 */
public final class BridgeScript {
    /** Classpath location of the script. */
    public static final String RESOURCE = "/dev/candor/browser/bridge.js";

    private BridgeScript() {}

    /** The script's bytes (UTF-8). */
    public static byte[] bytes() {
        try (InputStream in = BridgeScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bridge.js missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String source() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
