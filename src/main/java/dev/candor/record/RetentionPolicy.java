package dev.candor.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How long a call's deletable content (transcript text, AI outputs, shared payload copies) is kept:
 * forever, or N days after the call ended. The chained entries themselves are always kept, so the
 * record of what happened survives its content. Pure: the moment "now" is passed in.
 */
public record RetentionPolicy(Optional<Duration> keepFor) {
    public RetentionPolicy {
        keepFor.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("retention cannot be negative");
            }
        });
    }

    /** Keep content until the user deletes it. */
    public static RetentionPolicy keepForever() {
        return new RetentionPolicy(Optional.empty());
    }

    /** Delete content {@code days} days after the call ended (0: at the next start-up after the call). */
    public static RetentionPolicy keepDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("retention days cannot be negative");
        }
        return new RetentionPolicy(Optional.of(Duration.ofDays(days)));
    }

    /** Whether this call's content is due for deletion at {@code now}: it still has some, and it aged past the limit. */
    public boolean isDue(CallSummary call, Instant now) {
        return keepFor.isPresent()
                && call.contentKept() > 0
                && call.agedFrom().plus(keepFor.get()).isBefore(now);
    }

    /** The calls among {@code calls} whose content is due for deletion at {@code now}. */
    public List<CallId> due(List<CallSummary> calls, Instant now) {
        return calls.stream().filter(c -> isDue(c, now)).map(CallSummary::id).toList();
    }
}
