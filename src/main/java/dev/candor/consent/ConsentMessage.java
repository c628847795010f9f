package dev.candor.consent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A machine-readable message between Candor clients, carried as a Jitsi endpoint text message and
 * encoded by {@link NoticeCodec}. Every message has the sender's own sequence number (one counter
 * per sender across all types) and the sender's clock time. None carries a name: a message is
 * attributed to the participant id the meeting reports as its sender.
 */
public sealed interface ConsentMessage {
    /** The sender's sequence number, strictly increasing per sender. */
    long seq();

    /** When the sender wrote the message, by the sender's clock (shown, never trusted for order). */
    Instant at();

    /** What AI the sender has on now; an empty feature set means AI is off. */
    record Notice(long seq, Instant at, Set<Feature> features, boolean dataSharing, boolean local)
            implements ConsentMessage {
        public Notice {
            Objects.requireNonNull(at, "at");
            features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
            if (features.isEmpty() && dataSharing) {
                throw new IllegalArgumentException("data sharing cannot be on while every feature is off");
            }
        }
    }

    /** A request to the receiver to stop the listed features (all of them when empty). */
    record Objection(long seq, Instant at, Set<Feature> features) implements ConsentMessage {
        public Objection {
            Objects.requireNonNull(at, "at");
            features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
        }
    }

    /** The answer to the objection with sequence number {@code re} of the receiver. */
    record ObjectionReply(long seq, Instant at, long re, ObjectionAnswer answer) implements ConsentMessage {
        public ObjectionReply {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(answer, "answer");
        }
    }
}
