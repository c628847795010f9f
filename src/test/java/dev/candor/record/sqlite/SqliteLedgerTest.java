package dev.candor.record.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.record.CallId;
import dev.candor.record.CallInfo;
import dev.candor.record.CallSummary;
import dev.candor.record.EntryDraft;
import dev.candor.record.EntryFields;
import dev.candor.record.EntryKind;
import dev.candor.record.LedgerEntry;
import dev.candor.record.LedgerException;
import dev.candor.record.SharedItem;
import dev.candor.record.VerifyReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTest {
    @TempDir
    Path dir;

    Path db;
    SqliteLedger ledger;
    CallId call;

    @BeforeEach
    void open() {
        db = dir.resolve("candor.db");
        ledger = SqliteLedger.open(db, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        call = ledger.startCall(new CallInfo("meet.jit.si", "Standup", "Ana")).join();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    /** Writes a small but complete call: 10 entries with seq 1..10 (seq 1 is CALL_STARTED). */
    private void recordCall() {
        ledger.append(call, EntryFields.switchChanged("SUMMARY", true, "user")).join();
        ledger.append(call, EntryFields.noticeSent("CHAT_ALL", "Ana turned on AI notes", List.of("everyone")))
                .join();
        ledger.append(call, EntryFields.noticeReceived("b2c3", "Ben's Candor: AI notes on"))
                .join();
        ledger.append(call, EntryFields.transcriptSegment("s1", "a1", "Ana", 0, 1500, "Let's start with the budget."))
                .join();
        ledger.append(call, EntryFields.transcriptSegment("s2", "b2c3", "Ben", 1600, 3000, "The budget is fine."))
                .join();
        ledger.append(call, EntryFields.inputCounts("audio", 2, 0)).join();
        ledger.append(call, EntryFields.aiOutput("SUMMARY", "extractive", "minilm-l6-v2-q", "Budget: fine."))
                .join();
        ledger.append(call, EntryFields.switchChanged("SUMMARY", false, "user")).join();
        ledger.endCall(call, "hung up").join();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void appendedEntriesAreNumberedChainedAndVerify() {
        recordCall();
        List<LedgerEntry> timeline = ledger.timeline(call);

        assertThat(timeline).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(timeline.get(0).kind()).isEqualTo(EntryKind.CALL_STARTED);
        for (int i = 1; i < timeline.size(); i++) {
            assertThat(timeline.get(i).prev()).isEqualTo(timeline.get(i - 1).hash());
        }
        VerifyReport report = ledger.verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.entriesChecked()).isEqualTo(10);
        assertThat(report.headHash()).isEqualTo(timeline.get(9).hash());
    }

    @Test
    void contentIsStoredApartAndOnlyItsHashIsChained() {
        LedgerEntry entry = ledger.append(call, EntryFields.aiOutput("SUMMARY", "extractive", "m", "Secret plan."))
                .join();

        assertThat(entry.body()).doesNotContain("Secret plan.");
        assertThat(entry.fields()).containsKey(EntryFields.CONTENT_HASH).doesNotContainKey(EntryFields.CONTENT);
        assertThat(ledger.timeline(call).get(1).content()).contains("Secret plan.");
    }

    @Test
    void editingAnEntryIsDetectedAtThatEntry() throws SQLException {
        recordCall();
        sql("UPDATE entries SET body = replace(body, 'Ana turned on', 'Nobody turned on') WHERE seq = 3");

        VerifyReport report = ledger.verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstProblem().orElseThrow().seq()).isEqualTo(3);
        assertThat(report.firstProblem().orElseThrow().description()).contains("edited");
    }

    @Test
    void editingAnEntryAndItsHashTogetherBreaksTheNextLink() throws SQLException {
        recordCall();
        LedgerEntry third = ledger.timeline(call).get(2);
        String forged = third.body().replace("Ana turned on", "Nobody turned on");
        sql("UPDATE entries SET body = '" + forged + "', hash = '" + dev.candor.record.CanonicalJson.sha256(forged)
                + "' WHERE seq = 3");

        VerifyReport report = ledger.verify();

        assertThat(report.problems()).extracting(VerifyReport.Problem::seq).contains(4L);
    }

    @Test
    void deletingAnEntryIsDetectedWhereTheGapIs() throws SQLException {
        recordCall();
        sql("DELETE FROM entries WHERE seq = 5");

        VerifyReport report = ledger.verify();

        assertThat(report.firstProblem().orElseThrow().seq()).isEqualTo(6);
        assertThat(report.firstProblem().orElseThrow().description()).contains("missing");
    }

    @Test
    void deletingTheLastEntriesIsDetectedAgainstTheHead() throws SQLException {
        recordCall();
        sql("DELETE FROM entries WHERE seq >= 9");

        VerifyReport report = ledger.verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.problems())
                .anySatisfy(p -> {
                    assertThat(p.seq()).isEqualTo(10);
                    assertThat(p.description()).contains("removed");
                })
                .anySatisfy(p -> assertThat(p.description()).contains("end time")); // the call list still shows its end
    }

    @Test
    void reorderingTwoEntriesIsDetected() throws SQLException {
        recordCall();
        sql(
                "UPDATE entries SET seq = -1 WHERE seq = 4",
                "UPDATE entries SET seq = 4 WHERE seq = 5",
                "UPDATE entries SET seq = 5 WHERE seq = -1");

        VerifyReport report = ledger.verify();

        assertThat(report.firstProblem().orElseThrow().seq()).isEqualTo(4);
        assertThat(report.firstProblem().orElseThrow().description()).contains("moved");
    }

    @Test
    void swappingTheBodiesOfTwoEntriesIsDetected() throws SQLException {
        recordCall();
        sql(
                "CREATE TEMP TABLE swap AS SELECT seq, body, hash FROM entries WHERE seq IN (6, 7)",
                "UPDATE entries SET body = (SELECT body FROM swap WHERE seq = 7), hash = (SELECT hash FROM swap WHERE"
                        + " seq = 7) WHERE seq = 6",
                "UPDATE entries SET body = (SELECT body FROM swap WHERE seq = 6), hash = (SELECT hash FROM swap WHERE"
                        + " seq = 6) WHERE seq = 7");

        assertThat(ledger.verify().firstProblem().orElseThrow().seq()).isEqualTo(6);
    }

    @Test
    void editingTheCallListIsDetectedAtTheCallsStart() throws SQLException {
        recordCall();
        sql("UPDATE calls SET room = 'Innocent chat'");

        VerifyReport report = ledger.verify();

        assertThat(report.firstProblem().orElseThrow().seq()).isEqualTo(1);
        assertThat(report.firstProblem().orElseThrow().description()).contains("call list");
    }

    @Test
    void changingACallsEndTimeIsDetectedAtItsEndEntry() throws SQLException {
        recordCall();
        sql("UPDATE calls SET ended_at = ended_at + 60000");

        assertThat(ledger.verify().firstProblem().orElseThrow().seq()).isEqualTo(10);
    }

    @Test
    void aCallAddedToTheListOutsideCandorIsDetected() throws SQLException {
        recordCall();
        sql("INSERT INTO calls(id, server, room, display_name, started_at) VALUES ('" + CallId.random()
                + "', 'x', 'Fake', 'Ana', 0)");

        assertThat(ledger.verify().firstProblem().orElseThrow().description()).contains("no start in the chain");
    }

    @Test
    void editingKeptContentIsDetected() throws SQLException {
        recordCall();
        sql("UPDATE content SET text = 'The budget is a disaster.' WHERE seq = 6");

        VerifyReport report = ledger.verify();

        assertThat(report.firstProblem().orElseThrow().seq()).isEqualTo(6);
        assertThat(report.firstProblem().orElseThrow().description()).contains("content");
    }

    @Test
    void removingContentWithoutATombstoneIsDetected() throws SQLException {
        recordCall();
        sql("DELETE FROM content WHERE seq = 5");

        assertThat(ledger.verify().firstProblem().orElseThrow().seq()).isEqualTo(5);
    }

    @Test
    void deletingACallsContentLeavesATombstoneAndTheChainVerifies() {
        recordCall();

        LedgerEntry tombstone = ledger.deleteContent(call, "user").join();

        assertThat(tombstone.kind()).isEqualTo(EntryKind.CONTENT_DELETED);
        assertThat(tombstone.fields()).containsEntry(EntryFields.REASON, "user").containsEntry(EntryFields.ENTRIES, 3L);
        List<LedgerEntry> timeline = ledger.timeline(call);
        assertThat(timeline).filteredOn(LedgerEntry::hasContent).allMatch(LedgerEntry::contentDeleted);
        assertThat(timeline).extracting(LedgerEntry::body).noneMatch(b -> b.contains("budget"));
        assertThat(ledger.verify().problems()).isEmpty();
        CallSummary summary = ledger.call(call).orElseThrow();
        assertThat(summary.contentEntries()).isEqualTo(3);
        assertThat(summary.contentKept()).isZero();
    }

    @Test
    void deletedContentIsGoneFromTheDatabaseFile() throws Exception {
        String secret = "zebra-unicorn-" + "x".repeat(40);
        ledger.append(call, EntryFields.transcriptSegment("s1", "a", "Ana", 0, 1, secret))
                .join();
        ledger.deleteContent(call, "user").join();
        ledger.close();

        byte[] bytes = java.nio.file.Files.readAllBytes(db);
        Path wal = db.resolveSibling("candor.db-wal");
        byte[] walBytes = java.nio.file.Files.exists(wal) ? java.nio.file.Files.readAllBytes(wal) : new byte[0];
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("zebra-unicorn");
        assertThat(new String(walBytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("zebra-unicorn");
    }

    @Test
    void reopeningContinuesTheChain() {
        recordCall();
        ledger.close();

        ledger = SqliteLedger.open(db, Clock.systemUTC());
        LedgerEntry late = ledger.append(call, EntryFields.aiOutput("SUMMARY", "e", "m", "late"))
                .join();

        assertThat(late.seq()).isEqualTo(11);
        assertThat(late.callSeq()).isEqualTo(10);
        assertThat(ledger.verify().problems()).isEmpty();
    }

    @Test
    void concurrentProducersAreGroupCommittedIntoOneGapFreeChain() throws Exception {
        CallId second = ledger.startCall(new CallInfo("local", "Design", "Ana")).join();
        ExecutorService producers = Executors.newFixedThreadPool(8);
        List<CompletableFuture<LedgerEntry>> futures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int p = 0; p < 8; p++) {
            CallId target = p % 2 == 0 ? call : second;
            int producer = p;
            producers.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    futures.add(ledger.append(target, EntryFields.inputCounts("audio-" + producer, i, 0)));
                }
            });
        }
        producers.shutdown();
        assertThat(producers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        Set<Long> seqs = new HashSet<>();
        futures.forEach(f -> seqs.add(f.join().seq()));
        assertThat(seqs).hasSize(2000);
        assertThat(ledger.verify().problems()).isEmpty();
        assertThat(ledger.verify().entriesChecked()).isEqualTo(2002);
    }

    @Test
    void appendingToAnUnknownCallFailsOnlyThatAppend() {
        CompletableFuture<LedgerEntry> bad = ledger.append(CallId.random(), EntryFields.inputCounts("audio", 1, 0));
        CompletableFuture<LedgerEntry> good = ledger.append(call, EntryFields.inputCounts("audio", 1, 0));

        assertThat(good.join().seq()).isEqualTo(2);
        assertThatThrownBy(bad::join).hasCauseInstanceOf(LedgerException.class);
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void aDraftWithNoJsonFormIsRefusedAtOnce() {
        CompletableFuture<LedgerEntry> refused =
                ledger.append(call, new EntryDraft(EntryKind.AI_OUTPUT, Map.of("when", new Object())));

        assertThat(refused).isCompletedExceptionally();
    }

    @Test
    void callsAreListedNewestFirstWithCounts() throws Exception {
        recordCall();
        ledger.close();
        ledger = SqliteLedger.open(db, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
        CallId later = ledger.startCall(new CallInfo("local", "Retro", "Ana")).join();

        List<CallSummary> calls = ledger.calls();

        assertThat(calls).extracting(CallSummary::id).containsExactly(later, call);
        CallSummary first = calls.get(1);
        assertThat(first.entries()).isEqualTo(10);
        assertThat(first.switchChanges()).isEqualTo(2);
        assertThat(first.noticesSent()).isEqualTo(1);
        assertThat(first.transcriptSegments()).isEqualTo(2);
        assertThat(first.aiOutputs()).isEqualTo(1);
        assertThat(first.endedAt()).contains(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(calls.get(0).endedAt()).isEmpty();
    }

    @Test
    void whatLeftTheDeviceIsListedAcrossCallsWithItsLatestStatus() {
        CallId other = ledger.startCall(new CallInfo("local", "Retro", "Ana")).join();
        ledger.append(
                        call,
                        EntryFields.shareQueued("i1", "summary", "corpus:/data/notes", 120, "ab12", "Budget: fine."))
                .join();
        ledger.append(call, EntryFields.shareSent("i1", "corpus:/data/notes")).join();
        ledger.append(
                        other,
                        EntryFields.shareQueued("i2", "transcript", "https://org.example/ingest", 900, "cd34", "t"))
                .join();
        ledger.append(other, EntryFields.shareFailed("i2", "https://org.example/ingest", "HTTP 503"))
                .join();

        List<SharedItem> items = ledger.sharedItems();

        assertThat(items).hasSize(2);
        SharedItem failed = items.get(0);
        assertThat(failed.item()).isEqualTo("i2");
        assertThat(failed.status()).isEqualTo(SharedItem.Status.FAILED);
        assertThat(failed.error()).contains("HTTP 503");
        assertThat(failed.room()).isEqualTo("Retro");
        SharedItem sent = items.get(1);
        assertThat(sent.status()).isEqualTo(SharedItem.Status.SENT);
        assertThat(sent.destination()).isEqualTo("corpus:/data/notes");
        assertThat(sent.bytes()).isEqualTo(120);
        assertThat(sent.payloadHash()).isEqualTo("ab12");
        assertThat(sent.copyKept()).isTrue();
    }

    @Test
    void appendsAfterCloseFail() {
        ledger.close();

        assertThatThrownBy(() -> ledger.append(call, EntryFields.inputCounts("audio", 1, 0))
                        .join())
                .hasCauseInstanceOf(LedgerException.class);
    }
}
