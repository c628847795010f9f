package dev.candor.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The platform's data folder for Candor: XDG on Linux, %APPDATA% on Windows, Application Support on
 * macOS, each + "/candor". Every command takes {@code --data-dir} to override it.
 */
final class DataDirs {
    private DataDirs() {}

    static Path platformDefault() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "candor");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "candor");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.local/share", "candor");
    }
}
