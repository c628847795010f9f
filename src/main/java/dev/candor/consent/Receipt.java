package dev.candor.consent;

import dev.candor.call.ParticipantId;

/**
 * What became of one incoming endpoint message: accepted, or ignored with a reason. Always
 * attributed to the sender id the meeting reported, never to anything inside the payload.
 */
public sealed interface Receipt {
    ParticipantId from();

    record Accepted(ParticipantId from, ConsentMessage message) implements Receipt {}

    record Ignored(ParticipantId from, IgnoreReason reason, String detail) implements Receipt {}
}
