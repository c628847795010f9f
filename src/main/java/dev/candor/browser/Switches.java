package dev.candor.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Chromium command-line switches Candor starts with. Each switch is one string: a value such
 * as {@code --disable-features=A,B} must never be split on its comma.
 */
final class Switches {
    private Switches() {}

    static List<String> forProcess(BrowserSettings settings) {
        List<String> s = new ArrayList<>();
        if (runningAsRoot()) {
            s.add("--no-sandbox"); // Chromium refuses to start its sandbox as root
        }
        // Nothing in the background that phones home or installs things.
        s.add("--disable-background-networking");
        s.add("--disable-component-update");
        s.add("--disable-sync");
        s.add("--disable-default-apps");
        s.add("--disable-extensions");
        s.add("--no-first-run");
        s.add("--no-default-browser-check");
        s.add("--disable-spell-checking");
        // Pages are drawn off-screen into a CPU buffer Candor copies, so GPU compositing would only
        // add a read-back; software compositing keeps the GPU process small (a 2-person call:
        // 57-62 -> 22 MB PSS, README "Memory in a call"). Pages lose WebGL and hardware video
        // decoding, which the meeting pages do not need (LocalRoomCallIT, JitsiCallIT).
        s.add("--disable-gpu");
        s.add("--disable-gpu-compositing");
        if (settings.testMode()) {
            s.add("--use-fake-device-for-media-stream");
            s.add("--autoplay-policy=no-user-gesture-required");
        }
        // This JCEF has no permission handler, so Chromium cannot ask Candor per request: this
        // switch makes CEF grant the camera, the microphone and desktop capture to the pages Candor
        // shows (the main frame is locked to the meeting's origins, ADR 0001). What may be
        // captured is decided in Candor: getDisplayMedia (capture with no picker) is switched off
        // on every meeting page by its Permissions-Policy header, and a desktop source id reaches a
        // page only from Candor's picker through the ScreenShareGate (README, "Screen sharing").
        // Measured: --auto-accept-camera-and-microphone-capture denies desktop capture, and
        // --use-fake-ui-for-media-stream denies getUserMedia of a desktop source.
        s.add("--enable-media-stream");
        s.addAll(settings.extraSwitches());
        return s;
    }

    static boolean runningAsRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
