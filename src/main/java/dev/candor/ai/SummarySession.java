package dev.candor.ai;

import java.util.concurrent.CompletableFuture;

/**
 * An incremental summary of one running call. {@link #add} is cheap and may be called from the
 * call's AI worker; {@link #soFar} summarises everything added until now, reusing the per-item
 * work, so asking again later costs little.
 */
public interface SummarySession extends AutoCloseable {

    void add(MeetingItem item);

    /** Items added so far. */
    int size();

    CompletableFuture<Summary> soFar();

    @Override
    void close();
}
