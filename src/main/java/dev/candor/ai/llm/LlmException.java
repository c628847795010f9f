package dev.candor.ai.llm;

/** A language-model call failed; the message says why in words a user understands. */
public final class LlmException extends Exception {
    private static final long serialVersionUID = 1L;

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
