package dev.candor.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the embedded browser is started: the app's data dir (runtime in {@code jcef/}, per-process
 * caches in {@code jcef-cache/}), test mode (fake camera and microphone),
 * frame rate, any extra Chromium switches (each switch one string), and an optional runtime that
 * was unpacked ahead of time (the installers ship one) and is used in place instead of unpacking
 * the natives jar into the data dir.
 */
public record BrowserSettings(
        Path dataDir, boolean testMode, int frameRate, List<String> extraSwitches, Optional<Path> bundledRuntime) {
    public BrowserSettings {
        extraSwitches = List.copyOf(extraSwitches);
        Objects.requireNonNull(bundledRuntime);
        if (frameRate < 1 || frameRate > 120) {
            throw new IllegalArgumentException("frameRate must be 1..120: " + frameRate);
        }
    }

    /** Settings that unpack the runtime into the data dir when it is not there yet. */
    public BrowserSettings(Path dataDir, boolean testMode, int frameRate, List<String> extraSwitches) {
        this(dataDir, testMode, frameRate, extraSwitches, Optional.empty());
    }

    /** Production settings: real devices, 60 frames per second. */
    public static BrowserSettings of(Path dataDir) {
        return new BrowserSettings(dataDir, false, 60, List.of());
    }

    /** Settings for tests and benchmarks: fake media devices and autoplay. */
    public static BrowserSettings forTests(Path dataDir) {
        return new BrowserSettings(dataDir, true, 60, List.of());
    }

    /** The same settings, using the runtime already unpacked in {@code dir} when it is complete. */
    public BrowserSettings withBundledRuntime(Path dir) {
        return new BrowserSettings(dataDir, testMode, frameRate, extraSwitches, Optional.of(dir));
    }
}
