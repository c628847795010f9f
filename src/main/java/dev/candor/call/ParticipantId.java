package dev.candor.call;

import java.util.Objects;

/**
 * The meeting's own id of a participant (Jitsi's endpoint id, or the local room's peer id). Remote
 * notices and chat are attributed by this id, never by a name inside a payload.
 */
public record ParticipantId(String value) {
    public ParticipantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 256) {
            throw new IllegalArgumentException("participant id must be 1..256 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
