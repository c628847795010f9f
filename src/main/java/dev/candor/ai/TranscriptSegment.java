package dev.candor.ai;

import java.util.List;
import java.util.Objects;

/**
 * A final piece of transcript from one speaker's stream: readable text (sentence breaks and
 * capitals restored) with word timings. Times are milliseconds from the start of the call.
 */
public record TranscriptSegment(
        String id, String speakerId, String speakerName, long startMs, long endMs, String text, List<Word> words) {
    public TranscriptSegment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
    }

    /** One recognised word with its time span and the recogniser's confidence (0..1). */
    public record Word(String text, long startMs, long endMs, double confidence) {}
}
