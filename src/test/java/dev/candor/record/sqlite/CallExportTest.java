package dev.candor.record.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.record.CallExporter;
import dev.candor.record.CallId;
import dev.candor.record.CallInfo;
import dev.candor.record.CanonicalJson;
import dev.candor.record.EntryFields;
import dev.candor.record.LedgerEntry;
import dev.candor.record.Retention;
import dev.candor.record.RetentionPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export, deletion and retention against a real ledger in a temporary directory. */
class CallExportTest {
    private static final Instant CALL_TIME = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    SqliteLedger ledger;
    CallId call;
    CallExporter exporter;

    @BeforeEach
    void recordACall() {
        ledger = SqliteLedger.open(dir.resolve("candor.db"), Clock.fixed(CALL_TIME, ZoneOffset.UTC));
        exporter = new CallExporter(
                ledger, ledger, Clock.fixed(CALL_TIME.plusSeconds(3600), ZoneOffset.UTC), ZoneOffset.UTC);
        call = ledger.startCall(new CallInfo("meet.jit.si", "Budget | review", "Ana"))
                .join();
        ledger.append(call, EntryFields.switchChanged("SUMMARY", true, "user")).join();
        ledger.append(call, EntryFields.noticeSent("CHAT_ALL", "Ana turned on AI meeting notes", List.of("everyone")))
                .join();
        ledger.append(call, EntryFields.objectionReceived("b2c3", "Please don't <script>record</script> me"))
                .join();
        ledger.append(call, EntryFields.transcriptSegment("s1", "a1", "Ana", 0, 1500, "We keep the budget flat."))
                .join();
        ledger.append(call, EntryFields.inputCounts("audio", 1, 0)).join();
        ledger.append(call, EntryFields.aiOutput("SUMMARY", "extractive", "all-minilm-l6-v2-q", "Budget stays flat."))
                .join();
        ledger.append(
                        call,
                        EntryFields.shareQueued(
                                "i1",
                                "summary",
                                "corpus:/srv/notes",
                                18,
                                CanonicalJson.sha256("Budget stays flat."),
                                "Budget stays flat."))
                .join();
        ledger.append(call, EntryFields.shareSent("i1", "corpus:/srv/notes")).join();
        ledger.append(call, EntryFields.switchChanged("SUMMARY", false, "user")).join();
        ledger.endCall(call, "hung up").join();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void jsonExportCarriesTheSchemaVersionTheCallEveryEntryAndWhatWasShared() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.writeJson(call, out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/call/room").asText()).isEqualTo("Budget | review");
        assertThat(json.at("/call/displayName").asText()).isEqualTo("Ana");
        assertThat(json.at("/verification/ledgerVerified").asBoolean()).isTrue();
        assertThat(json.get("entries")).hasSize(11);
        assertThat(json.at("/entries/4/kind").asText()).isEqualTo("TRANSCRIPT_SEGMENT");
        assertThat(json.at("/entries/4/content").asText()).isEqualTo("We keep the budget flat.");
        assertThat(json.at("/sharedItems/0/destination").asText()).isEqualTo("corpus:/srv/notes");
        assertThat(json.at("/sharedItems/0/status").asText()).isEqualTo("SENT");
        assertThat(json.at("/sharedItems/0/bytes").asLong()).isEqualTo(18);
    }

    @Test
    void eachExportedEntryCanBeReverifiedFromTheExportAlone() throws Exception {
        JsonNode entries = new ObjectMapper().readTree(exporter.json(call)).get("entries");

        String prevInCall = CanonicalJson.ZERO_HASH;
        for (JsonNode entry : entries) {
            String body = entry.get("body").asText();
            assertThat(CanonicalJson.sha256(body)).isEqualTo(entry.get("hash").asText());
            assertThat(CanonicalJson.readObject(body)).containsEntry("prevInCall", prevInCall);
            if (!entry.get("content").isNull()) {
                assertThat(CanonicalJson.sha256(entry.get("content").asText()))
                        .isEqualTo(entry.at("/fields/contentHash").asText());
            }
            prevInCall = entry.get("hash").asText();
        }
    }

    @Test
    void markdownTellsSwitchesNoticesProcessingAndSharingReadably() {
        String md = exporter.markdown(call);

        assertThat(md).startsWith("# Call record: Budget | review on meet.jit.si");
        assertThat(md).contains("the record is intact");
        assertThat(md).contains("## AI switches").contains("| 10:00:00 | SUMMARY | on | user |");
        assertThat(md).contains("| sent | CHAT_ALL | everyone | Ana turned on AI meeting notes |");
        assertThat(md).contains("objection").doesNotContain("<script>");
        assertThat(md).contains("- audio: 1 admitted, 0 refused").contains("- Transcript: 1 segment(s)");
        assertThat(md)
                .contains("Made by extractive (model all-minilm-l6-v2-q).")
                .contains("> Budget stays flat.");
        assertThat(md)
                .contains("| 10:00:00 | summary | corpus:/srv/notes | 18 | "
                        + CanonicalJson.sha256("Budget stays flat.") + " | sent |");
        assertThat(md).contains("## Timeline").contains("CALL_ENDED");
    }

    @Test
    void afterDeletionTheExportShowsTheTombstoneNoContentAndStillVerifies() throws Exception {
        ledger.deleteContent(call, "user").join();

        String md = exporter.markdown(call);
        JsonNode json = new ObjectMapper().readTree(exporter.json(call));

        assertThat(md)
                .contains("## Deletions")
                .contains("content of 3 entr(y/ies) deleted")
                .contains("reason: user");
        assertThat(md).contains("_(content deleted)_").doesNotContain("Budget stays flat.\n");
        assertThat(md).contains("Transcript: 1 segment(s), 1 deleted");
        assertThat(exporter.json(call)).doesNotContain("We keep the budget flat.");
        assertThat(json.at("/entries/4/contentDeleted").asBoolean()).isTrue();
        assertThat(json.at("/entries/11/kind").asText()).isEqualTo("CONTENT_DELETED");
        assertThat(json.at("/verification/ledgerVerified").asBoolean()).isTrue();
        assertThat(json.at("/sharedItems/0/copyKept").asBoolean()).isFalse();
    }

    @Test
    void retentionAtStartUpDeletesOnlyContentPastTheLimitAndRecordsWhy() {
        Instant nextDay = CALL_TIME.plusSeconds(86_400 + 60);
        CallId recent;
        try (SqliteLedger later = reopen(Clock.fixed(nextDay, ZoneOffset.UTC))) {
            recent = later.startCall(new CallInfo("local", "Later", "Ana")).join();
            later.append(recent, EntryFields.transcriptSegment("s1", "a", "Ana", 0, 1, "fresh"))
                    .join();
            later.endCall(recent, "hung up").join();

            List<LedgerEntry> tombstones = new Retention(later, later, Clock.fixed(nextDay, ZoneOffset.UTC))
                    .apply(RetentionPolicy.keepDays(1))
                    .join();

            assertThat(tombstones).singleElement().satisfies(t -> {
                assertThat(t.callId()).isEqualTo(call);
                assertThat(t.fields()).containsEntry("reason", Retention.REASON);
            });
            assertThat(later.call(call).orElseThrow().contentKept()).isZero();
            assertThat(later.call(recent).orElseThrow().contentKept()).isEqualTo(1);
            assertThat(later.verify().problems()).isEmpty();
            assertThat(new Retention(later, later, Clock.fixed(nextDay, ZoneOffset.UTC))
                            .apply(RetentionPolicy.keepDays(1))
                            .join())
                    .as("a second start-up finds nothing more to delete")
                    .isEmpty();
        }
    }

    private SqliteLedger reopen(Clock clock) {
        ledger.close();
        ledger = SqliteLedger.open(dir.resolve("candor.db"), clock);
        return ledger;
    }

    @Test
    void markdownTimesFollowTheChosenZone() {
        String md = new CallExporter(ledger, ledger, Clock.systemUTC(), ZoneId.of("Europe/Madrid")).markdown(call);

        assertThat(md).contains("- Started: 2026-11-25 11:00:00 +01:00");
    }
}
