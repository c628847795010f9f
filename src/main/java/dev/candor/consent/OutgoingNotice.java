package dev.candor.consent;

import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import java.util.Set;

/**
 * A notice handed to the call adapter whose delivery is not yet confirmed. {@code audience} is who
 * was in the call when it was sent: only they count as told once it is delivered.
 */
public record OutgoingNotice(Recipient to, ConsentMessage.Notice notice, String text, Set<ParticipantId> audience) {
    public OutgoingNotice {
        audience = Set.copyOf(audience);
    }

    public long seq() {
        return notice.seq();
    }
}
