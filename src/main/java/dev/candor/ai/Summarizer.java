package dev.candor.ai;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The summary port: turns a call's transcript segments and chat messages into a grounded
 * {@link Summary}. Engines run on their own worker thread(s): {@link #summarize} returns at once,
 * cancelling the future stops the work, and {@link #close} releases models, native memory and
 * threads.
 */
public interface Summarizer extends AutoCloseable {

    /** Short engine name shown to the user, e.g. "default" or "ollama:llama3.2". */
    String engine();

    /** Summarises the given items (in call order) off the caller's thread. */
    CompletableFuture<Summary> summarize(List<MeetingItem> items, SummaryProgress progress);

    /**
     * Opens an incremental summary for a running call: items are added as they become final and
     * a "so far" summary can be asked for at any moment; work done per item is kept for the end.
     */
    SummarySession openSession();

    @Override
    void close();
}
