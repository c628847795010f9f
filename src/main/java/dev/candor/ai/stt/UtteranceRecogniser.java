package dev.candor.ai.stt;

import java.util.List;

/**
 * Recognises one utterance at a time (speech between two pauses the voice-activity detector found).
 * Word times are relative to the start of the current utterance. Not thread-safe: one stream's worker
 * uses it.
 */
public interface UtteranceRecogniser extends AutoCloseable {
    /**
     * Feeds speech samples (16 kHz mono). Returns words the engine has already finalised inside this
     * utterance (it found a pause of its own), or an empty list.
     */
    List<RecognisedWord> accept(short[] samples, int length);

    /** The words heard so far and not yet finalised, lower-case; empty if none or not supported. */
    String partial();

    /** Ends the utterance: returns its remaining words; the next accept starts a new utterance. */
    List<RecognisedWord> endUtterance();

    /**
     * Switches to a cheaper setting because the stream falls behind real time. Returns false when the
     * engine has none left.
     */
    boolean useCheaperSetting();

    /** Whether partial results are still worth asking for (false in the cheaper setting). */
    boolean partialsEnabled();

    @Override
    void close();
}
