package dev.candor.app;

import dev.candor.ui.UiParts;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link Main} built and {@link CandorApp} needs, handed over once through
 * {@link CandorApp#launch(Wiring)} because JavaFX creates the application object itself.
 *
 * @param ui the window's parts (settings, devices, call screens)
 * @param runtimes started before the JavaFX toolkit (e.g. Chromium); closed, last first, when the app stops
 * @param loaded completes when logging is set up and settings are read; these run while the
 *     JavaFX toolkit starts, and the window waits for them
 */
public record Wiring(UiParts ui, List<AutoCloseable> runtimes, CompletableFuture<Void> loaded) {
    public Wiring {
        runtimes = List.copyOf(runtimes);
    }
}
