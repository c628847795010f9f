package dev.candor.consent;

import dev.candor.call.CallEvent;
import dev.candor.call.ParticipantId;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that can change a call's switchboard: what the call reported, what the user asked,
 * and the adapter's confirmation that a notice went out. Each carries the time it happened.
 */
public sealed interface SwitchboardEvent {
    Instant at();

    /** Something the meeting reported (joined, left, participants, endpoint messages). */
    record FromCall(CallEvent event) implements SwitchboardEvent {
        public FromCall {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public Instant at() {
            return event.at();
        }
    }

    /** The user asks to turn a feature on; it becomes active once its notice went out. */
    record TurnOn(Instant at, Feature feature) implements SwitchboardEvent {}

    /** The user turns a feature off; effective at once, and announced. */
    record TurnOff(Instant at, Feature feature) implements SwitchboardEvent {}

    /** The user turns all AI off at once (e.g. the "Stop AI" button). */
    record TurnAllOff(Instant at) implements SwitchboardEvent {}

    /** The user turns data sharing on or off. */
    record SetDataSharing(Instant at, boolean on) implements SwitchboardEvent {}

    /** The call adapter sent the notice with this sequence number. */
    record NoticeDelivered(Instant at, long seq) implements SwitchboardEvent {}

    /** The call adapter could not send the notice with this sequence number. */
    record NoticeFailed(Instant at, long seq, String reason) implements SwitchboardEvent {}

    /** The user answers the open objection of participant {@code from}. */
    record AnswerObjection(Instant at, ParticipantId from, ObjectionAnswer answer) implements SwitchboardEvent {}

    /** The user asks participant {@code to} to stop their AI. */
    record RaiseObjection(Instant at, ParticipantId to) implements SwitchboardEvent {}

    /** An AI feature produced an item that may be shared if data sharing is active. */
    record OfferShare(Instant at, ShareItem item) implements SwitchboardEvent {}
}
