package dev.candor.consent;

import dev.candor.call.ParticipantId;
import java.time.Instant;
import java.util.Set;

/**
 * An open request from another participant to stop this client's AI, waiting for the user's answer.
 * {@code seq} is the objector's sequence number, quoted back in the answer.
 */
public record ObjectionRequest(ParticipantId from, long seq, Set<Feature> features, Instant receivedAt) {
    public ObjectionRequest {
        features = Set.copyOf(features);
    }
}
