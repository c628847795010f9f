package dev.candor.app;

import dev.candor.ui.UiParts;
import java.util.List;

/**
 * What {@link Main} built and {@link CandorApp} needs, handed over once through
 * {@link CandorApp#launch(Wiring)} because JavaFX creates the application object itself.
 *
 * @param ui the window's parts (settings, devices, call screens)
 * @param runtimes started before the JavaFX toolkit (e.g. Chromium); closed, last first, when the app stops
 */
public record Wiring(UiParts ui, List<AutoCloseable> runtimes) {
    public Wiring {
        runtimes = List.copyOf(runtimes);
    }
}
