package dev.candor.ai.stt;

/**
 * A word as an engine heard it, before sentences are restored. Times are milliseconds from the start
 * of the utterance the recogniser was given.
 */
public record RecognisedWord(String text, long startMs, long endMs, double confidence) {}
