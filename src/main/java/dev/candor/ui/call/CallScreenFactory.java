package dev.candor.ui.call;

import dev.candor.call.MeetingLink;
import java.util.Optional;
import javafx.scene.Node;

/**
 * The seam through which the integrator puts the meeting itself (the embedded browser showing
 * Jitsi Meet or the local room) into the call screen. Called on the FX thread; must not block:
 * start the browser, or the local room server, in the background and fill the node when ready.
 */
public interface CallScreenFactory {
    /**
     * Opens the meeting for this person; the returned screen is closed when they leave.
     *
     * @param leave what the screen runs when the call ends or the person chooses Back (the same
     *     as the call bar's Leave)
     */
    CallScreen open(MeetingLink meeting, String displayName, Runnable leave);

    /** One open meeting's content. */
    interface CallScreen extends AutoCloseable {
        /** The node shown below the call bar. */
        Node content();

        /** The link others use to join, once known (e.g. the local room's web address). */
        default Optional<String> shareLink() {
            return Optional.empty();
        }

        /** Leaves the meeting and frees what it holds (browser, room server); never blocks long. */
        @Override
        void close();
    }
}
