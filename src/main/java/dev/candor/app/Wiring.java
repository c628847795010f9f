package dev.candor.app;

import dev.candor.ui.UiParts;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link Main} built and {@link CandorApp} needs, handed over once through
 * {@link CandorApp#launch(Wiring)} because JavaFX creates the application object itself. What
 * started before the toolkit (Chromium, the meeting servers) stays with {@link Main}, which closes
 * it off the FX thread once the toolkit has exited.
 *
 * @param ui the window's parts (settings, devices, call screens)
 * @param loaded completes when logging is set up and settings are read; these run while the
 *     JavaFX toolkit starts, and the window waits for them
 */
public record Wiring(UiParts ui, CompletableFuture<Void> loaded) {}
