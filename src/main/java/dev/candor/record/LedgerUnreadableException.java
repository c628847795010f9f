package dev.candor.record;

import java.nio.file.Path;

/**
 * The ledger file cannot be opened: damaged, not a database, written by a newer Candor, or in use
 * by another Candor. The file has not been changed; the app shows {@link #userMessage()} and may
 * offer to set the file aside and start a new record.
 */
public final class LedgerUnreadableException extends LedgerException {
    private static final long serialVersionUID = 1L;

    /** Why the file cannot be opened. */
    public enum Reason {
        /** Not an SQLite file at all (random bytes, another program's file). */
        NOT_A_DATABASE,
        /** An SQLite file that fails its integrity check (truncated, torn). */
        DAMAGED,
        /** Written by a newer Candor with a schema this one does not know. */
        NEWER_VERSION,
        /** Another Candor process holds the record open. */
        IN_USE,
        /** The file cannot be read at all (permissions, I/O error). */
        UNREADABLE
    }

    private final transient Path file;
    private final Reason reason;

    public LedgerUnreadableException(Path file, Reason reason, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
