package dev.candor.ai;

/**
 * How a stream meets back-pressure. {@link #LIVE} audio (a call) must never block its caller: when
 * the queue is full the newest chunk is dropped, counted and reported, and an engine that falls
 * behind switches to a cheaper setting. {@link #FILE} audio (a recording) has no clock to keep up
 * with: {@link SpeechStream#accept} waits for room and nothing is ever dropped.
 */
public enum StreamMode {
    LIVE,
    FILE
}
