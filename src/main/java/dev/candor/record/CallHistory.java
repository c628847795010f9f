package dev.candor.record;

import java.util.List;
import java.util.Optional;

/**
 * The call record's read side: the queries the review screen and the export need. Each method
 * reads through its own database connection on the caller's thread (never the JavaFX Application
 * Thread), and sees every entry whose append has completed.
 */
public interface CallHistory {

    /** All calls, newest first, with their counts. */
    List<CallSummary> calls();

    /** One call, if it exists. */
    Optional<CallSummary> call(CallId call);

    /** A call's entries in order (by {@code callSeq}), fields decoded, content where kept. */
    List<LedgerEntry> timeline(CallId call);

    /** What left this device, across all calls, newest first. */
    List<SharedItem> sharedItems();

    /** What left this device during one call, oldest first. */
    List<SharedItem> sharedItems(CallId call);
}
