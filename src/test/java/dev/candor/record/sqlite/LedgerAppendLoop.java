package dev.candor.record.sqlite;

import dev.candor.record.CallId;
import dev.candor.record.CallInfo;
import dev.candor.record.EntryFields;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Semaphore;

/**
 * A child process for {@link LedgerCrashTest}: appends to the ledger from several producers until
 * it is killed, printing {@code ACK <seq>} for every append whose future completed (that is, every
 * entry the ledger acknowledged as durable).
 */
public final class LedgerAppendLoop {
    private LedgerAppendLoop() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        SqliteLedger ledger = SqliteLedger.open(Path.of(args[0]), Clock.systemUTC());
        CallId call = ledger.startCall(new CallInfo("local", "Crash", "Ana")).join();
        synchronized (out) {
            out.println("CALL " + call);
            out.flush();
        }
        int producers = 4;
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread t = new Thread(() -> produce(ledger, call, producer, out), "producer-" + p);
            t.start();
        }
    }

    private static void produce(SqliteLedger ledger, CallId call, int producer, PrintStream out) {
        Semaphore inFlight = new Semaphore(16);
        for (long i = 0; ; i++) {
            inFlight.acquireUninterruptibly();
            ledger.append(
                            call,
                            EntryFields.transcriptSegment(
                                    producer + "-" + i,
                                    "p" + producer,
                                    "Speaker " + producer,
                                    i,
                                    i + 1,
                                    "segment " + i))
                    .whenComplete((entry, failure) -> {
                        inFlight.release();
                        if (entry != null) {
                            synchronized (out) {
                                out.println("ACK " + entry.seq());
                                out.flush();
                            }
                        }
                    });
        }
    }
}
