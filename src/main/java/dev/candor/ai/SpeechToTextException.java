package dev.candor.ai;

/**
 * A speech-to-text engine or model cannot be used: the message says why in words a user
 * understands (missing or corrupt model, unsupported audio), the cause carries the detail.
 */
public class SpeechToTextException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SpeechToTextException(String message) {
        super(message);
    }

    public SpeechToTextException(String message, Throwable cause) {
        super(message, cause);
    }
}
