package dev.candor.consent;

import dev.candor.call.CallCommand;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import dev.candor.record.EntryDraft;
import java.util.List;
import java.util.Objects;

/**
 * What a switchboard transition asks the world to do, as values; the {@link SwitchboardOperator}
 * performs them in order through an {@link EffectPerformer}. Effects that reach the call carry the
 * exact {@link CallCommand}s to send.
 */
public sealed interface Effect {
    /**
     * Tell participants what AI is on: an endpoint message (for Candor clients) and a chat line
     * (for everyone else) to everyone, or privately to one later joiner. Delivery is confirmed back
     * to the switchboard by sequence number; features wait for it.
     */
    record SendNotice(OutgoingNotice notice, List<CallCommand> commands) implements Effect {
        public SendNotice {
            commands = List.copyOf(commands);
        }

        public long seq() {
            return notice.seq();
        }
    }

    /** Send an objection or an answer to one participant (endpoint message, no confirmation needed). */
    record SendMessage(ParticipantId to, ConsentMessage message, List<CallCommand> commands) implements Effect {
        public SendMessage {
            commands = List.copyOf(commands);
        }
    }

    /** Change this client's display name (the optional "· AI notes on" suffix, or back). */
    record SetDisplayName(String displayName) implements Effect {
        public List<CallCommand> commands() {
            return List.of(new CallCommand.SetDisplayName(displayName));
        }
    }

    /** Start the audio tap: the meeting summary became active. */
    record StartAudioTap() implements Effect {}

    /** Stop the audio tap: the meeting summary is no longer active. */
    record StopAudioTap() implements Effect {}

    /** Write an entry to the call's ledger. */
    record Record(EntryDraft entry) implements Effect {}

    /**
     * Write the gate's admitted/refused counts as an INPUT_COUNTS entry; the operator fills in the
     * counts, which live in the {@link InputGate}, not in the pure state.
     */
    record RecordInputCounts(String reason) implements Effect {}

    /** Put an item in the sharing outbox (its SHARE_QUEUED entry comes just before). */
    record EnqueueShare(ShareItem item, String destination) implements Effect {}

    /** An incoming endpoint message was accepted or ignored (for the debug log and diagnostics). */
    record Received(Receipt receipt) implements Effect {}

    /** A request the switchboard refused, with a reason for the person who asked. */
    record Declined(SwitchboardEvent request, DeclineReason reason) implements Effect {
        public Declined {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why the switchboard refused a request. */
    enum DeclineReason {
        NOT_IN_CALL,
        ALREADY_ON,
        ALREADY_OFF,
        NO_FEATURE_ON,
        NO_SHARING_DESTINATION,
        FEATURE_NOT_ACTIVE,
        SHARING_NOT_ACTIVE,
        NO_SUCH_OBJECTION,
        PARTICIPANT_HAS_NO_AI,
        NOTICE_NOT_DELIVERED
    }

    /** Shorthand for the endpoint + chat commands of a notice. */
    static List<CallCommand> noticeCommands(Recipient to, String json, String text) {
        return List.of(new CallCommand.SendEndpointMessage(to, json), new CallCommand.SendChat(to, text));
    }
}
