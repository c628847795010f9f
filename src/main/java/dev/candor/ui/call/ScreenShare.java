package dev.candor.ui.call;

import java.util.function.Consumer;

/**
 * Screen sharing of one connected meeting, as the call bar drives it: {@link #toggle} starts
 * sharing (the meeting asks Candor's picker) or stops it; the meeting reports when sharing
 * starts or ends (also when it ends from the page or the shared window closes).
 */
public interface ScreenShare {
    /** Starts sharing through the picker, or stops it while sharing. */
    void toggle();

    /** Called with true when sharing started and false when it ended, on any thread. */
    void onSharingChanged(Consumer<Boolean> listener);

    /** For meetings that cannot share a screen. */
    ScreenShare NONE = new ScreenShare() {
        @Override
        public void toggle() {}

        @Override
        public void onSharingChanged(Consumer<Boolean> listener) {}
    };
}
