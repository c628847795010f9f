package dev.candor.ai.stt;

/**
 * What an engine adapter (Vosk, whisper.cpp) provides to {@link StreamingSpeechToText}: a loaded
 * model that hands out one recogniser per stream. The streaming machinery (silence detection,
 * queueing, sentences, health) is shared; engines only recognise utterances.
 */
public interface SpeechEngine extends AutoCloseable {
    /** Engine and model in a user's words. */
    String describe();

    /** A fresh recogniser for one stream; used by one worker at a time. */
    UtteranceRecogniser newRecogniser();

    @Override
    void close();
}
