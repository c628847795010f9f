package dev.candor.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the operating system whether it uses a dark look: GNOME's {@code color-scheme} through
 * {@code gsettings}, the Windows registry's {@code AppsUseLightTheme}, macOS's
 * {@code AppleInterfaceStyle}. Runs a process, so callers use a background thread; gives up after
 * the timeout and answers empty when the platform does not tell.
 */
public final class SystemAppearance {
    private static final Logger LOG = LoggerFactory.getLogger(SystemAppearance.class);

    private final Duration timeout;
    private final String osName;

    public SystemAppearance(Duration timeout, String osName) {
        this.timeout = timeout;
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    /** True for dark, false for light, empty when unknown. Blocks up to the timeout. */
    public Optional<Boolean> prefersDark() {
        if (osName.contains("win")) {
            return run(List.of(
                            "reg",
                            "query",
                            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                            "/v",
                            "AppsUseLightTheme"))
                    .map(out -> out.contains("0x0"));
        }
        if (osName.contains("mac")) {
            // The key is absent (and the command fails) in light mode.
            return Optional.of(run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(out -> out.strip().equalsIgnoreCase("dark"))
                    .orElse(false));
        }
        Optional<Boolean> scheme = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                .flatMap(SystemAppearance::parseColorScheme);
        if (scheme.isPresent()) return scheme;
        return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .map(out -> out.toLowerCase(Locale.ROOT).contains("dark"));
    }

    /** Reads gsettings' answer such as {@code 'prefer-dark'}; {@code 'default'} says nothing. */
    static Optional<Boolean> parseColorScheme(String out) {
        String value = out.strip().replace("'", "");
        if (value.equals("prefer-dark")) return Optional.of(true);
        if (value.equals("prefer-light")) return Optional.of(false);
        return Optional.empty();
    }

    private Optional<String> run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            LOG.debug("{} not available: {}", command.get(0), e.getMessage());
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.info("{} did not answer within {} ms", command.get(0), timeout.toMillis());
                return Optional.empty();
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
