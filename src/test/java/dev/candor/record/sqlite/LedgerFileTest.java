package dev.candor.record.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.record.CallId;
import dev.candor.record.CallInfo;
import dev.candor.record.EntryFields;
import dev.candor.record.LedgerUnreadableException;
import dev.candor.record.LedgerUnreadableException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {
    @TempDir
    Path dir;

    private Path healthyLedger(int segments) {
        Path db = dir.resolve("candor.db");
        try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC())) {
            CallId call = ledger.startCall(new CallInfo("local", "Room", "Ana")).join();
            for (int i = 0; i < segments; i++) {
                ledger.append(call, EntryFields.transcriptSegment("s" + i, "a", "Ana", i, i + 1, "words ".repeat(40)))
                        .join();
            }
        }
        return db;
    }

    private LedgerUnreadableException refusal(Path db) {
        Throwable thrown =
                org.assertj.core.api.Assertions.catchThrowable(() -> SqliteLedger.open(db, Clock.systemUTC()));
        assertThat(thrown).isInstanceOf(LedgerUnreadableException.class);
        return (LedgerUnreadableException) thrown;
    }

    @Test
    void randomBytesAreReportedAsNotADatabaseAndLeftUntouched() throws Exception {
        Path db = dir.resolve("candor.db");
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Files.write(db, junk);

        LedgerUnreadableException e = refusal(db);

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_DATABASE);
        assertThat(e.userMessage()).contains(db.toString()).contains("not been changed");
        assertThat(Files.readAllBytes(db)).isEqualTo(junk);
    }

    @Test
    void aTruncatedLedgerIsReportedAsDamagedAndLeftUntouched() throws Exception {
        Path db = healthyLedger(400);
        byte[] whole = Files.readAllBytes(db);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        Files.write(db, truncated);

        LedgerUnreadableException e = refusal(db);

        assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
        assertThat(e.userMessage()).contains("damaged");
        assertThat(Files.readAllBytes(db)).isEqualTo(truncated);
    }

    @Test
    void aLedgerWithScribbledPagesIsReportedAsDamaged() throws Exception {
        Path db = healthyLedger(400);
        byte[] bytes = Files.readAllBytes(db);
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, 4096 * 2, noise.length); // page 3: a b-tree page
        Files.write(db, bytes);

        LedgerUnreadableException e = refusal(db);

        assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
    }

    @Test
    void aLedgerFromANewerCandorIsRefusedAndLeftUntouched() throws Exception {
        Path db = healthyLedger(3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Migrations.latest() + 1));
        }
        byte[] before = Files.readAllBytes(db);

        LedgerUnreadableException e = refusal(db);

        assertThat(e.reason()).isEqualTo(Reason.NEWER_VERSION);
        assertThat(e.userMessage()).contains("newer version of Candor");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aSecondOpenOfTheSameLedgerIsRefusedAsInUse() {
        Path db = dir.resolve("candor.db");
        try (SqliteLedger first = SqliteLedger.open(db, Clock.systemUTC())) {
            assertThat(refusal(db).reason()).isEqualTo(Reason.IN_USE);
            assertThat(first.verify().ok()).as("the first one still works").isTrue();
        }
    }

    @Test
    void aRefusedFileCanBeSetAsideUnchangedAndANewRecordStarted() throws Exception {
        Path db = dir.resolve("candor.db");
        byte[] junk = "definitely not sqlite".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(db, junk);
        refusal(db);

        Path aside = LedgerFile.setAside(db, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

        assertThat(aside.getFileName().toString()).isEqualTo("candor.db.damaged-20261125T100000Z");
        assertThat(Files.readAllBytes(aside)).isEqualTo(junk);
        try (SqliteLedger fresh = SqliteLedger.open(db, Clock.systemUTC())) {
            assertThat(fresh.verify().ok()).isTrue();
        }
    }

    @Test
    void theSchemaVersionIsRecordedInUserVersion() throws Exception {
        Path db = healthyLedger(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Migrations.latest());
        }
    }
}
