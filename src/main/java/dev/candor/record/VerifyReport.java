package dev.candor.record;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking the ledger's chain: how many entries were checked and every problem
 * found, each naming the entry (global sequence number) where the chain breaks.
 */
public record VerifyReport(long entriesChecked, String headHash, List<Problem> problems) {
    public VerifyReport {
        problems = List.copyOf(problems);
    }

    /** True when no entry was edited, removed, reordered or inserted, and all kept content matches. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The first problem in ledger order. */
    public Optional<Problem> firstProblem() {
        return problems.stream().findFirst();
    }

    /** A break in the chain at entry {@code seq} (of call {@code callId} when known). */
    public record Problem(long seq, Optional<CallId> callId, String description) {
        @Override
        public String toString() {
            return "entry " + seq + ": " + description;
        }
    }
}
