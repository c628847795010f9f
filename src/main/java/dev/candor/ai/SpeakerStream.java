package dev.candor.ai;

import java.util.Objects;

/**
 * Whose audio a {@link SpeechStream} carries and where it starts in the call, so segment times are
 * milliseconds from the start of the call.
 *
 * @param speakerId the meeting's participant id (or a file name for a file)
 * @param speakerName display name at the time the stream opened, may be empty
 * @param callOffsetMs call time of the stream's first sample
 */
public record SpeakerStream(String speakerId, String speakerName, long callOffsetMs) {
    public SpeakerStream {
        Objects.requireNonNull(speakerId, "speakerId");
        speakerName = speakerName == null ? "" : speakerName;
        if (callOffsetMs < 0) {
            throw new IllegalArgumentException("callOffsetMs must not be negative");
        }
    }
}
