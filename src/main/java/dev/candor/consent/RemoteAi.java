package dev.candor.consent;

import dev.candor.call.ParticipantId;
import java.time.Instant;
import java.util.Set;

/**
 * What AI another participant has announced, from their latest accepted notice; attributed to the
 * participant id the meeting gave as sender. {@code sentAt} is by their clock, {@code receivedAt} by ours.
 */
public record RemoteAi(
        ParticipantId participant,
        Set<Feature> features,
        boolean dataSharing,
        boolean local,
        Instant sentAt,
        Instant receivedAt) {
    public RemoteAi {
        features = Set.copyOf(features);
    }
}
