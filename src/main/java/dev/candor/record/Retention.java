package dev.candor.record;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the user's {@link RetentionPolicy} at start-up: deletes the content of every call that
 * aged past it, each deletion leaving a {@code CONTENT_DELETED} tombstone with reason
 * {@code retention}. Call {@link #apply} from a background thread (it reads the history).
 */
public final class Retention {
    /** The tombstone reason retention writes. */
    public static final String REASON = "retention";

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Ledger ledger;
    private final CallHistory history;
    private final Clock clock;

    public Retention(Ledger ledger, CallHistory history, Clock clock) {
        this.ledger = ledger;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Deletes the content of every call due under {@code policy} now.
     *
     * @return the tombstones written, once all are durable
     */
    public CompletableFuture<List<LedgerEntry>> apply(RetentionPolicy policy) {
        List<CallId> due = policy.due(history.calls(), clock.instant());
        if (!due.isEmpty()) {
            LOG.info("Retention: deleting the content of {} call(s)", due.size());
        }
        List<CompletableFuture<LedgerEntry>> deletions =
                due.stream().map(id -> ledger.deleteContent(id, REASON)).toList();
        return CompletableFuture.allOf(deletions.toArray(CompletableFuture[]::new))
                .thenApply(v -> deletions.stream().map(CompletableFuture::join).toList());
    }
}
