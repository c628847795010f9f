package dev.candor.consent;

import dev.candor.call.Recipient;

/** A notice handed to the call adapter whose delivery is not yet confirmed. */
public record OutgoingNotice(Recipient to, ConsentMessage.Notice notice, String text) {
    public long seq() {
        return notice.seq();
    }
}
