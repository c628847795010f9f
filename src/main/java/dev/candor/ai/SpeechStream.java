package dev.candor.ai;

import java.util.concurrent.CompletableFuture;

/**
 * One speaker's audio going into a {@link SpeechToText} engine. Feed it from one thread at a time.
 * Silence is detected on the caller's thread (a few microseconds per chunk) and never reaches the
 * recogniser.
 */
public interface SpeechStream extends AutoCloseable {
    /**
     * Offers the next chunk of 16 kHz mono PCM. In {@link StreamMode#LIVE} this never blocks: a chunk
     * that finds the queue full is dropped, counted in {@link SpeechHealth#droppedMs()} and reported.
     * In {@link StreamMode#FILE} it waits for room.
     */
    void accept(short[] pcm);

    /**
     * Ends the stream: pending audio is recognised and the last segment delivered, then the future
     * completes with the stream's final health. Later chunks are refused.
     */
    CompletableFuture<SpeechHealth> finish();

    /** The stream's health now: state, real-time factor, queued and dropped audio. */
    SpeechHealth health();

    /** Abandons the stream at once; queued audio is discarded (and counted as dropped). */
    @Override
    void close();
}
