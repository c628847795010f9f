package dev.candor.browser;

import java.nio.file.Path;
import java.util.List;

/**
 * How the embedded browser is started: the app's data dir (runtime in {@code jcef/}, per-process
 * caches in {@code jcef-cache/}), test mode (fake camera and microphone),
 * frame rate and any extra Chromium switches (each switch one string).
 */
public record BrowserSettings(Path dataDir, boolean testMode, int frameRate, List<String> extraSwitches) {
    public BrowserSettings {
        extraSwitches = List.copyOf(extraSwitches);
        if (frameRate < 1 || frameRate > 120) {
            throw new IllegalArgumentException("frameRate must be 1..120: " + frameRate);
        }
    }

    /** Production settings: real devices, 60 frames per second. */
    public static BrowserSettings of(Path dataDir) {
        return new BrowserSettings(dataDir, false, 60, List.of());
    }

    /** Settings for tests and benchmarks: fake media devices and autoplay. */
    public static BrowserSettings forTests(Path dataDir) {
        return new BrowserSettings(dataDir, true, 60, List.of());
    }
}
