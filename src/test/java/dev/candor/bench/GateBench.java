package dev.candor.bench;

import dev.candor.call.CallEvent;
import dev.candor.call.ParticipantId;
import dev.candor.consent.CallSettings;
import dev.candor.consent.Effect;
import dev.candor.consent.EffectPerformer;
import dev.candor.consent.Feature;
import dev.candor.consent.InputGate;
import dev.candor.consent.InputKind;
import dev.candor.consent.SwitchboardOperator;
import dev.candor.record.EntryDraft;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The input gate's decision for one audio chunk: nanoseconds per decision on the admit path (the
 * meeting summary active) and the refuse path (nothing on), and bytes allocated per decision on the
 * admit path, measured with {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}. Also
 * the admit path with two threads deciding at once (the audio tap of two streams). Target: under
 * 1 µs, 0 bytes. Run with {@code mvn -B -q -Pbench verify -Dbench=gate}.
 */
public final class GateBench {
    private static final int ROUNDS = 5;
    private static final int DECISIONS = 20_000_000;
    private static volatile long sink;
    /** A remote participant who was told: the admit path includes the lookup of who was told. */
    private static final ParticipantId SPEAKER = new ParticipantId("bob-2");

    private GateBench() {}

    public static void main(String[] args) throws Exception {
        InputGate open = gateWith(true);
        InputGate closed = gateWith(false);
        if (!open.admit(InputKind.AUDIO, SPEAKER) || closed.admit(InputKind.AUDIO, SPEAKER)) {
            throw new IllegalStateException("gate set-up wrong");
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);

        // Warm up both paths so the JIT has compiled admit() before measuring.
        for (int i = 0; i < 5; i++) {
            decide(open, DECISIONS / 4);
            decide(closed, DECISIONS / 4);
        }

        double bestAdmit = Double.MAX_VALUE;
        double bestRefuse = Double.MAX_VALUE;
        double worstAdmit = 0;
        long allocated = Long.MAX_VALUE;
        long id = Thread.currentThread().getId();
        for (int r = 0; r < ROUNDS; r++) {
            long bytesBefore = threads.getThreadAllocatedBytes(id);
            long t0 = System.nanoTime();
            decide(open, DECISIONS);
            long t1 = System.nanoTime();
            long bytesAfter = threads.getThreadAllocatedBytes(id);
            allocated = Math.min(allocated, bytesAfter - bytesBefore);
            double ns = (t1 - t0) / (double) DECISIONS;
            bestAdmit = Math.min(bestAdmit, ns);
            worstAdmit = Math.max(worstAdmit, ns);

            long t2 = System.nanoTime();
            decide(closed, DECISIONS);
            bestRefuse = Math.min(bestRefuse, (System.nanoTime() - t2) / (double) DECISIONS);
        }
        double contended = twoThreads(open);

        System.out.printf(Locale.ROOT, "decisions per round: %,d, rounds: %d%n", DECISIONS, ROUNDS);
        System.out.printf(
                Locale.ROOT,
                "admit  (summary active): %.2f ns per audio chunk (worst round %.2f)%n",
                bestAdmit,
                worstAdmit);
        System.out.printf(Locale.ROOT, "refuse (nothing on):     %.2f ns per audio chunk%n", bestRefuse);
        System.out.printf(Locale.ROOT, "admit, 2 threads at once: %.2f ns per audio chunk%n", contended);
        System.out.printf(
                Locale.ROOT,
                "allocated on the admit path: %d bytes in %,d decisions = %.6f bytes per decision%n",
                allocated,
                DECISIONS,
                allocated / (double) DECISIONS);
        System.out.printf(
                Locale.ROOT,
                "target < 1000 ns and 0 bytes: %s%n",
                bestAdmit < 1000 && bestRefuse < 1000 && allocated == 0 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "(sink %d)%n", sink);
    }

    private static void decide(InputGate gate, int n) {
        long admitted = 0;
        for (int i = 0; i < n; i++) {
            if (gate.admit(InputKind.AUDIO, SPEAKER)) {
                admitted++;
            }
        }
        sink += admitted;
    }

    private static double twoThreads(InputGate gate) throws InterruptedException {
        Thread[] workers = new Thread[2];
        long[] ns = new long[2];
        for (int t = 0; t < workers.length; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                decide(gate, DECISIONS / 4);
                long t0 = System.nanoTime();
                decide(gate, DECISIONS);
                ns[index] = System.nanoTime() - t0;
            });
        }
        for (Thread w : workers) {
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return Math.max(ns[0], ns[1]) / (double) DECISIONS;
    }

    /** A gate opened (or not) the real way: a switchboard operator turning the summary on. */
    private static InputGate gateWith(boolean summaryOn) throws Exception {
        InputGate gate = new InputGate();
        EffectPerformer quiet = new EffectPerformer() {
            @Override
            public java.util.concurrent.CompletionStage<Void> sendNotice(Effect.SendNotice notice) {
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public void sendMessage(Effect.SendMessage message) {}

            @Override
            public void setDisplayName(Effect.SetDisplayName name) {}

            @Override
            public void startAudioTap() {}

            @Override
            public void stopAudioTap() {}

            @Override
            public void record(EntryDraft entry) {}

            @Override
            public void enqueueShare(Effect.EnqueueShare share) {}
        };
        SwitchboardOperator operator =
                new SwitchboardOperator(CallSettings.defaults(), gate, quiet, Clock.systemUTC(), "candor-call-bench");
        operator.accept(new CallEvent.Joined(Instant.now(), new ParticipantId("bench"), "Bench", "Bench room"));
        for (int i = 0; i < 20; i++) {
            // A room of 21, so the lookup of who was told is not trivially small.
            operator.accept(new CallEvent.ParticipantJoined(
                    Instant.now(), i == 0 ? SPEAKER : new ParticipantId("p-" + i), "P" + i));
        }
        if (summaryOn) {
            operator.turnOn(Feature.SUMMARY).get(5, TimeUnit.SECONDS);
        } else {
            operator.turnOff(Feature.SUMMARY).get(5, TimeUnit.SECONDS);
        }
        // The operator is left open: closing it would end the call and close the gate. Its daemon
        // thread ends with the JVM.
        return gate;
    }
}
