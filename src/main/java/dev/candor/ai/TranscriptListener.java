package dev.candor.ai;

/**
 * Receives what a {@link SpeechStream} recognises. Called on an engine worker thread, in order per
 * stream; implementations hand the values on (e.g. to the call executor) and return at once.
 */
public interface TranscriptListener {
    /** The words heard so far in the utterance still being spoken; replaced by the next partial. */
    void onPartial(PartialTranscript partial);

    /** A final, readable piece of transcript; never revised afterwards. */
    void onSegment(TranscriptSegment segment);

    /**
     * The stream's health changed: it fell behind, switched to a cheaper setting, dropped audio,
     * caught up again, or failed. Reported on change and at most about once a second while audio is
     * being dropped.
     */
    default void onHealth(SpeechHealth health) {}
}
