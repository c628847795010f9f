package dev.candor.record.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.record.CallId;
import dev.candor.record.CallInfo;
import dev.candor.record.EntryFields;
import dev.candor.record.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever the calls look like, an untouched ledger verifies, and flipping any one character of
 * any one stored entry body is reported at exactly that entry.
 */
class ChainTamperProperties {

    @Property(tries = 12)
    void anySingleCharacterEditOfAnyEntryIsReportedAtThatEntry(
            @ForAll @IntRange(min = 1, max = 3) int calls,
            @ForAll @IntRange(min = 1, max = 12) int entriesPerCall,
            @ForAll @StringLength(max = 40) String spoken,
            @ForAll @IntRange(min = 0, max = 10_000) int victimPick,
            @ForAll @IntRange(min = 0, max = 10_000) int positionPick)
            throws Exception {
        Path dir = Files.createTempDirectory("ledger-prop");
        Path db = dir.resolve("candor.db");
        try {
            long total;
            try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC())) {
                for (int c = 0; c < calls; c++) {
                    CallId call = ledger.startCall(new CallInfo("local", "Room " + c, "Ana"))
                            .join();
                    for (int i = 0; i < entriesPerCall; i++) {
                        ledger.append(call, EntryFields.transcriptSegment("s" + i, "a", "Ana", i, i + 1, spoken + i));
                    }
                    ledger.endCall(call, "hung up").join();
                }
                assertThat(ledger.verify().problems()).isEmpty();
                total = ledger.verify().entriesChecked();
            }
            long victim = 1 + victimPick % total;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                String body;
                try (PreparedStatement ps = c.prepareStatement("SELECT body FROM entries WHERE seq = ?")) {
                    ps.setLong(1, victim);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        body = rs.getString(1);
                    }
                }
                int at = positionPick % body.length();
                char flipped = body.charAt(at) == 'x' ? 'y' : 'x';
                String forged = body.substring(0, at) + flipped + body.substring(at + 1);
                try (PreparedStatement ps = c.prepareStatement("UPDATE entries SET body = ? WHERE seq = ?")) {
                    ps.setString(1, forged);
                    ps.setLong(2, victim);
                    ps.executeUpdate();
                }
            }
            try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC())) {
                VerifyReport report = ledger.verify();
                assertThat(report.firstProblem())
                        .as(report.problems().toString())
                        .isPresent();
                assertThat(report.firstProblem().orElseThrow().seq())
                        .as(report.problems().toString())
                        .isEqualTo(victim);
                assertThat(report.firstProblem().orElseThrow().seq()).isEqualTo(victim);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
