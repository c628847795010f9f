package dev.candor.record.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.record.CallId;
import dev.candor.record.LedgerEntry;
import dev.candor.record.VerifyReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM with SIGKILL while it appends, then checks the ledger it leaves: it opens, its chain
 * verifies, and it holds every entry that was acknowledged before the kill (promise 4).
 */
class LedgerCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEntrySurvivesSigkillAndTheChainVerifies() throws Exception {
        Path db = dir.resolve("candor.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LedgerAppendLoop.class.getName(),
                        db.toString())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicReference<String> call = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.add(Long.parseLong(line.substring(4)));
                    } else if (line.startsWith("CALL ")) {
                        call.set(line.substring(5));
                    }
                }
            } catch (java.io.IOException e) {
                // the pipe closes when the child dies
            }
        });
        reader.start();

        long started = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a cold JVM on a busy machine
        while (call.get() == null && System.nanoTime() < started && child.isAlive()) {
            Thread.sleep(20);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (acknowledged.size() < 1000 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive())
                .as("the child is still appending when killed")
                .isTrue();
        child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no close
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(acknowledged).hasSizeGreaterThan(50);

        try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC())) {
            VerifyReport report = ledger.verify();
            assertThat(report.problems()).isEmpty();
            List<LedgerEntry> timeline = ledger.timeline(new CallId(call.get()));
            Set<Long> stored = timeline.stream().map(LedgerEntry::seq).collect(Collectors.toSet());
            assertThat(stored).containsAll(acknowledged);
            assertThat(timeline).allMatch(e -> !e.hasContent() || e.content().isPresent());
        }
    }
}
