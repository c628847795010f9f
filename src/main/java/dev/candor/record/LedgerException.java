package dev.candor.record;

/**
 * A ledger operation failed (disk full, database gone, call unknown). Carries a message a user can
 * read; the cause holds the technical detail for the log.
 */
public class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    public LedgerException(String userMessage) {
        super(userMessage);
    }

    /** The text to show the user. */
    public String userMessage() {
        return getMessage();
    }
}
