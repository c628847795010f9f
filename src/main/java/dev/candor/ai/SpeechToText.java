package dev.candor.ai;

/**
 * The speech-to-text port: turns each speaker's 16 kHz mono PCM stream into partial results while
 * they speak and readable final {@link TranscriptSegment}s. One engine serves many streams; each
 * {@link SpeechStream} belongs to one speaker. Implementations never block a live caller: audio
 * goes through a bounded queue to worker threads, and audio that cannot be processed in time is
 * counted and reported through {@link TranscriptListener#onHealth}, never dropped silently.
 */
public interface SpeechToText extends AutoCloseable {
    /** Sample rate every stream expects, in Hz (mono, signed 16-bit samples). */
    int SAMPLE_RATE = 16_000;

    /** Engine and model in words a user understands, e.g. "Vosk, vosk-model-small-en-us-0.15". */
    String describe();

    /**
     * Opens a stream for one speaker. Listener callbacks come from an engine worker thread, in
     * order for this stream; they must return quickly.
     */
    SpeechStream open(SpeakerStream speaker, StreamMode mode, TranscriptListener listener);

    /** Stops all streams and frees the model. */
    @Override
    void close();
}
