package dev.candor.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Candor keeps its files when no {@code --data-dir} is given: {@code $XDG_DATA_HOME}
 * (or {@code ~/.local/share}) on Linux, {@code %APPDATA%} on Windows, {@code ~/Library/Application
 * Support} on macOS, each with {@code /candor} added.
 */
public final class DataDirs {
    private DataDirs() {}

    /** The folder name under the platform's data location. */
    public static final String NAME = "candor";

    /** The data dir for this process's platform and environment. */
    public static Path platformDefault() {
        return platformDefault(
                System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The data dir for the given platform, environment and home folder. */
    public static Path platformDefault(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank()
                    ? Path.of(appData)
                    : home.resolve("AppData").resolve("Roaming");
            return base.resolve(NAME);
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve(NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return base.resolve(NAME);
    }
}
