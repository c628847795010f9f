package dev.candor.record;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the history list: a call with the counts the review screen shows.
 *
 * @param endedAt empty while the call is running or if it never ended cleanly (crash)
 * @param contentEntries entries that had deletable content
 * @param contentKept of those, how many still hold it
 */
public record CallSummary(
        CallId id,
        CallInfo info,
        Instant startedAt,
        Optional<Instant> endedAt,
        long entries,
        long switchChanges,
        long noticesSent,
        long objections,
        long transcriptSegments,
        long aiOutputs,
        long sharedItems,
        long contentEntries,
        long contentKept) {

    /** The moment the call's content ages from: its end, or its start if it never ended. */
    public Instant agedFrom() {
        return endedAt.orElse(startedAt);
    }
}
