package dev.candor.app;

import dev.candor.ui.UiParts;
import dev.candor.ui.join.JoinPrefill;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What {@link Main} built and {@link CandorApp} needs, handed over once through
 * {@link CandorApp#launch(Wiring)} because JavaFX creates the application object itself. What
 * started before the toolkit (Chromium, the meeting servers) stays with {@link Main}, which closes
 * it off the FX thread once the toolkit has exited.
 *
 * @param ui the window's parts (settings, devices, call screens)
 * @param loaded completes when logging is set up and settings are read; these run while the
 *     JavaFX toolkit starts, and the window waits for them
 * @param links where meeting links handed over by later Candor processes are delivered once the
 *     window is shown (called with the window's consumer, which any thread may call)
 */
public record Wiring(UiParts ui, CompletableFuture<Void> loaded, Consumer<Consumer<JoinPrefill>> links) {}
