package dev.candor.bench;

import dev.candor.record.CallId;
import dev.candor.record.CallInfo;
import dev.candor.record.EntryFields;
import dev.candor.record.LedgerEntry;
import dev.candor.record.VerifyReport;
import dev.candor.record.sqlite.SqliteLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Ledger figures: durably acknowledged appends per second with many concurrent producers (group
 * commit, {@code synchronous=FULL}), single-appender latency p50/p99, and {@code verify} of 100,000
 * entries. Run with {@code mvn -B -q -Pbench verify -Dbench=ledger}.
 */
public final class LedgerBench {
    private static final int PRODUCERS = 16;
    private static final int PER_PRODUCER = 4_000;
    private static final int IN_FLIGHT_PER_PRODUCER = 32;
    private static final int LATENCY_SAMPLES = 400;
    private static final int VERIFY_ENTRIES = 100_000;

    private LedgerBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("ledger-bench");
        try {
            boolean verifyOnly = Arrays.asList(args).contains("verify-only");
            if (!verifyOnly) {
                throughput(dir.resolve("throughput.db"));
                latency(dir.resolve("latency.db"));
            }
            verify(dir.resolve("verify.db"));
            reopen(dir.resolve("verify.db"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(LedgerBench::deleteQuietly);
            }
        }
    }

    private static void throughput(Path db) throws InterruptedException {
        try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC())) {
            CallId call =
                    ledger.startCall(new CallInfo("local", "Bench", "Ana")).join();
            run(ledger, call, 4, 500); // warm-up: JIT, page cache
            long start = System.nanoTime();
            long total = run(ledger, call, PRODUCERS, PER_PRODUCER);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "durable appends: %,d in %.2f s = %,.0f appends/s (%d producers, %d in flight each, synchronous=FULL)%n",
                    total,
                    seconds,
                    total / seconds,
                    PRODUCERS,
                    IN_FLIGHT_PER_PRODUCER);
        }
    }

    /** Each producer appends {@code count} transcript-sized entries, keeping a bounded number in flight. */
    private static long run(SqliteLedger ledger, CallId call, int producers, int count) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(producers);
        AtomicLong acknowledged = new AtomicLong();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                Semaphore inFlight = new Semaphore(IN_FLIGHT_PER_PRODUCER);
                CountDownLatch mine = new CountDownLatch(count);
                for (int i = 0; i < count; i++) {
                    inFlight.acquireUninterruptibly();
                    ledger.append(call, segment(producer, i)).whenComplete((e, failure) -> {
                        if (failure == null) {
                            acknowledged.incrementAndGet();
                        }
                        inFlight.release();
                        mine.countDown();
                    });
                }
                try {
                    mine.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
            t.start();
        }
        done.await();
        return acknowledged.get();
    }

    private static dev.candor.record.EntryDraft segment(int producer, int i) {
        return EntryFields.transcriptSegment(
                producer + "-" + i,
                "p" + producer,
                "Speaker " + producer,
                i * 1000L,
                i * 1000L + 900,
                "and then we looked at the budget for the next quarter and agreed on it " + i);
    }

    private static void latency(Path db) {
        try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC())) {
            CallId call =
                    ledger.startCall(new CallInfo("local", "Bench", "Ana")).join();
            for (int i = 0; i < 50; i++) {
                ledger.append(call, segment(0, i)).join();
            }
            long[] micros = new long[LATENCY_SAMPLES];
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                long start = System.nanoTime();
                ledger.append(call, segment(0, i)).join();
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf(
                    Locale.ROOT,
                    "single appender latency (append until durable): p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples)%n",
                    micros[LATENCY_SAMPLES / 2] / 1000.0,
                    micros[LATENCY_SAMPLES * 99 / 100] / 1000.0,
                    micros[LATENCY_SAMPLES - 1] / 1000.0,
                    LATENCY_SAMPLES);
        }
    }

    private static void verify(Path db) throws InterruptedException {
        try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC())) {
            int calls = 20;
            for (int c = 0; c < calls; c++) {
                CallId call = ledger.startCall(new CallInfo("local", "Bench " + c, "Ana"))
                        .join();
                run(ledger, call, 4, (VERIFY_ENTRIES - calls) / calls / 4);
            }
            CompletableFuture<LedgerEntry> last =
                    ledger.endCall(ledger.calls().get(0).id(), "bench");
            last.join();
            VerifyReport first = null;
            double bestSeconds = Double.MAX_VALUE;
            double firstSeconds = 0;
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            double bestCpu = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                VerifyReport report = ledger.verify();
                double seconds = (System.nanoTime() - start) / 1e9;
                bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - cpu) / 1e9);
                if (first == null) {
                    first = report;
                    firstSeconds = seconds;
                }
                bestSeconds = Math.min(bestSeconds, seconds);
            }
            System.out.printf(
                    Locale.ROOT,
                    "verify: %,d entries (%s) in %.3f s first run, %.3f s best of 5 (%,.0f entries/s);"
                            + " CPU %.3f s (both threads); machine load average %.1f on %d cores%n",
                    first.entriesChecked(),
                    first.ok() ? "intact" : "PROBLEMS: " + first.firstProblem().orElseThrow(),
                    firstSeconds,
                    bestSeconds,
                    first.entriesChecked() / bestSeconds,
                    bestCpu,
                    os.getSystemLoadAverage(),
                    os.getAvailableProcessors());
        }
    }

    /** Start-up cost of a big record: the read-only integrity check (quick_check) plus opening the writer. */
    private static void reopen(Path db) throws IOException {
        long bytes = Files.size(db);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            try (SqliteLedger ledger = SqliteLedger.open(db, Clock.systemUTC())) {
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf(
                Locale.ROOT, "open with integrity check: %.3f s best of 3 (%.1f MB database)%n", best, bytes / 1e6);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }
}
