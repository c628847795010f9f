package dev.candor.ai;

import java.util.Objects;

/**
 * How well a stream keeps up.
 *
 * @param state see {@link State}
 * @param realTimeFactor processing time divided by audio time over the stream so far (below 1
 *     keeps up)
 * @param queuedMs audio waiting in the queue
 * @param droppedMs audio dropped because the queue was full (live streams only), total
 * @param cheaperSetting whether the engine switched to its cheaper setting to catch up
 * @param message what happened, in words for a person (empty when all is well)
 */
public record SpeechHealth(
        State state, double realTimeFactor, long queuedMs, long droppedMs, boolean cheaperSetting, String message) {
    public SpeechHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }

    /** Where a stream stands. */
    public enum State {
        /** Keeping up with the audio. */
        KEEPING_UP,
        /** More audio is queued than the engine can process in real time. */
        FALLING_BEHIND,
        /** The queue overflowed and audio was dropped (counted in droppedMs). */
        DROPPING_AUDIO,
        /** The stream ended normally. */
        FINISHED,
        /** The engine failed; no more transcript comes from this stream. */
        FAILED
    }
}
