package dev.candor.record;

import java.util.concurrent.CompletableFuture;

/**
 * The call record's write side: the port the core and the app use to append to the append-only,
 * hash-chained ledger (promise 4), check it, and delete deletable content.
 *
 * <p>Threads: every method may be called from any thread except the JavaFX Application Thread
 * ({@link #verify} reads the whole ledger). Writes are queued to one writer thread and group-
 * committed; a returned future completes on that writer thread, only after the entry is durable
 * (committed with a full sync), or exceptionally with a {@link LedgerException}. Chain work on a
 * completed future must be short or hop to another executor.
 */
public interface Ledger extends AutoCloseable {

    /**
     * Starts the record of a call: writes the call and its {@code CALL_STARTED} entry.
     *
     * <p>Thread: any but the FX thread; the future completes on the writer thread.
     *
     * @return the new call's id once it is durable
     */
    CompletableFuture<CallId> startCall(CallInfo info);

    /**
     * Appends one entry to a started call. Content in {@link EntryFields#CONTENT} is stored apart
     * and only its hash is chained. A draft whose fields have no JSON form fails at once, as does
     * {@code CALL_STARTED} or {@code CONTENT_DELETED} (the ledger writes those itself); a
     * {@code CALL_ENDED} draft acts as {@link #endCall}.
     *
     * <p>Thread: any but the FX thread (never blocks: it queues); the future completes on the
     * writer thread, after the entry is durable.
     *
     * @return the entry as stored, once durable
     */
    CompletableFuture<LedgerEntry> append(CallId call, EntryDraft draft);

    /**
     * Writes the {@code CALL_ENDED} entry and the call's end time; later appends to it still work
     * (late outputs). Thread: as {@link #append}.
     */
    CompletableFuture<LedgerEntry> endCall(CallId call, String reason);

    /**
     * Erases a call's deletable content (transcript text, AI outputs, shared payload copies) and
     * appends a {@code CONTENT_DELETED} tombstone saying so; the chain still verifies afterwards.
     *
     * <p>Thread: as {@link #append}.
     *
     * @param reason why, in the product's words: {@code user} or {@code retention}
     * @return the tombstone entry once durable (written even when nothing was left to delete, so
     *     every request is on the record; its {@code entries} field says how many were erased)
     */
    CompletableFuture<LedgerEntry> deleteContent(CallId call, String reason);

    /**
     * Checks the whole chain: every hash, every link, every sequence number, every piece of
     * content against its chained hash, and the recorded head. Runs on the caller's thread with
     * its own connection (and a short-lived reader thread); takes ~0.5 s per 100,000 entries, so
     * never call it on the FX thread.
     */
    VerifyReport verify();

    /** Finishes queued writes, then closes. Appends after close fail. Blocks until done. */
    @Override
    void close();
}
