package dev.candor.record.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.candor.record.CallId;
import dev.candor.record.CallInfo;
import dev.candor.record.EntryFields;
import dev.candor.record.LedgerEntry;
import dev.candor.record.LedgerException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk (simulated with SQLite's page cap) fails the append clearly and loses nothing recorded. */
class LedgerDiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsTheAppendWithAClearMessageAndKeepsEverythingAcknowledged() {
        Path db = dir.resolve("candor.db");
        CallId call;
        try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC())) {
            call = ledger.startCall(new CallInfo("local", "Room", "Ana")).join();
            ledger.append(call, EntryFields.switchChanged("SUMMARY", true, "user"))
                    .join();
        }
        long acknowledged = 2;
        try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC(), 40)) {
            Throwable failure = null;
            for (int i = 0; i < 200 && failure == null; i++) {
                try {
                    LedgerEntry e = ledger.append(
                                    call,
                                    EntryFields.transcriptSegment("s" + i, "a", "Ana", i, i + 1, "x".repeat(20_000)))
                            .join();
                    acknowledged = e.seq();
                } catch (CompletionException e) {
                    failure = e.getCause();
                }
            }

            assertThat(failure).isInstanceOf(LedgerException.class);
            assertThat(((LedgerException) failure).userMessage())
                    .contains("disk is full")
                    .contains("nothing already");
            Throwable next = catchThrowable(() ->
                    ledger.append(call, EntryFields.inputCounts("audio", 1, 0)).join());
            assertThat(next == null || next.getCause() instanceof LedgerException)
                    .isTrue();
            assertThat(ledger.verify().problems()).isEmpty();
        }
        try (SqliteLedger reopened = SqliteLedger.open(db, Clock.systemUTC())) {
            assertThat(reopened.verify().problems()).isEmpty();
            assertThat(reopened.timeline(call)).hasSizeGreaterThanOrEqualTo((int) acknowledged);
            LedgerEntry after = reopened.append(call, EntryFields.inputCounts("audio", 1, 0))
                    .join();
            assertThat(reopened.verify().problems()).isEmpty();
            assertThat(after.seq()).isGreaterThan(acknowledged);
        }
    }
}
