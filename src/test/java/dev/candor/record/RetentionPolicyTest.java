package dev.candor.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static CallSummary call(Instant started, Optional<Instant> ended, long contentKept) {
        return new CallSummary(
                CallId.random(),
                new CallInfo("local", "Room", "Ana"),
                started,
                ended,
                10,
                0,
                0,
                0,
                3,
                0,
                0,
                3,
                contentKept);
    }

    @Test
    void contentOlderThanTheLimitIsDueAndYoungerIsKept() {
        RetentionPolicy thirtyDays = RetentionPolicy.keepDays(30);
        CallSummary old =
                call(Instant.parse("2026-10-01T09:00:00Z"), Optional.of(Instant.parse("2026-10-01T10:00:00Z")), 3);
        CallSummary recent =
                call(Instant.parse("2026-11-20T09:00:00Z"), Optional.of(Instant.parse("2026-11-20T10:00:00Z")), 3);

        assertThat(thirtyDays.due(List.of(old, recent), NOW)).containsExactly(old.id());
    }

    @Test
    void ageCountsFromTheEndOfTheCall() {
        RetentionPolicy oneDay = RetentionPolicy.keepDays(1);
        CallSummary longCall =
                call(Instant.parse("2026-11-23T12:00:00Z"), Optional.of(Instant.parse("2026-11-24T13:00:00Z")), 1);

        assertThat(oneDay.isDue(longCall, NOW)).isFalse();
        assertThat(oneDay.isDue(longCall, Instant.parse("2026-11-25T13:00:01Z")))
                .isTrue();
    }

    @Test
    void aCallThatNeverEndedAgesFromItsStart() {
        CallSummary crashed = call(Instant.parse("2026-11-20T12:00:00Z"), Optional.empty(), 2);

        assertThat(RetentionPolicy.keepDays(3).isDue(crashed, NOW)).isTrue();
    }

    @Test
    void callsWithNoContentLeftAreNotDeletedAgain() {
        CallSummary emptied =
                call(Instant.parse("2026-01-01T00:00:00Z"), Optional.of(Instant.parse("2026-01-01T01:00:00Z")), 0);

        assertThat(RetentionPolicy.keepDays(1).isDue(emptied, NOW)).isFalse();
    }

    @Test
    void keepForeverNeverDeletes() {
        CallSummary ancient =
                call(Instant.parse("2000-01-01T00:00:00Z"), Optional.of(Instant.parse("2000-01-01T01:00:00Z")), 5);

        assertThat(RetentionPolicy.keepForever().isDue(ancient, NOW)).isFalse();
    }

    @Test
    void negativeRetentionIsRefused() {
        assertThatThrownBy(() -> RetentionPolicy.keepDays(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
