package dev.candor.media;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Asks the user which screen or window to share. Completes with the chosen source, or empty when
 * the user cancelled (or closed the dialog).
 */
@FunctionalInterface
public interface DesktopPicker {
    CompletionStage<Optional<DesktopSource>> choose(List<DesktopSource> sources);
}
