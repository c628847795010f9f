package dev.candor.ai;

import java.util.Objects;

/**
 * Words recognised so far in an utterance that is still being spoken (lower-case, unpunctuated,
 * may change). Times are milliseconds from the start of the call.
 */
public record PartialTranscript(String speakerId, long startMs, String text) {
    public PartialTranscript {
        Objects.requireNonNull(speakerId, "speakerId");
        Objects.requireNonNull(text, "text");
    }
}
