package dev.candor.app;

import dev.candor.ui.join.JoinPrefill;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Meeting links handed over by later Candor processes, held until the window exists: a link that
 * arrives while the first window is still starting is delivered as soon as it is shown, never
 * lost. Thread-safe; the window's consumer is called on whichever thread delivers.
 */
final class LinkInbox implements Consumer<JoinPrefill> {
    private final List<JoinPrefill> waiting = new ArrayList<>();
    private Consumer<JoinPrefill> window;

    /** From the instance channel's thread. */
    @Override
    public void accept(JoinPrefill prefill) {
        Consumer<JoinPrefill> target;
        synchronized (this) {
            if (window == null) {
                waiting.add(prefill);
                return;
            }
            target = window;
        }
        target.accept(prefill);
    }

    /** Sets where links go from now on and delivers the ones that arrived before. */
    void deliverTo(Consumer<JoinPrefill> target) {
        List<JoinPrefill> early;
        synchronized (this) {
            window = target;
            early = List.copyOf(waiting);
            waiting.clear();
        }
        early.forEach(target);
    }
}
