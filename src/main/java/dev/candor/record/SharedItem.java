package dev.candor.record;

import java.time.Instant;
import java.util.Optional;

/**
 * One item that left (or was about to leave) this device: what, where to, when, how big, the hash
 * of the bytes sent, and its latest status.
 *
 * @param queuedAt when it was written to the record, before sending (promise 3)
 * @param statusAt when the latest status was recorded
 * @param error the failure message when {@code status} is {@link Status#FAILED}
 */
public record SharedItem(
        CallId callId,
        String room,
        String item,
        String what,
        String destination,
        long bytes,
        String payloadHash,
        Status status,
        Instant queuedAt,
        Instant statusAt,
        Optional<String> error,
        boolean copyKept) {

    /** Where an item is on its way out. */
    public enum Status {
        QUEUED,
        SENT,
        FAILED
    }
}
