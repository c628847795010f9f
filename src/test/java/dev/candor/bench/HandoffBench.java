package dev.candor.bench;

import dev.candor.app.HandoffMessage;
import dev.candor.app.InstanceChannel;
import dev.candor.app.Main;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the single-instance check costs: the check a start makes when no Candor runs (no socket,
 * or a stale one left by a crash), a full hand-off to a listening instance, and the wall time of
 * a real second {@code candor <link>} process from exec to exit. Run with {@code mvn -B -q -Pbench
 * verify -Dbench=handoff}.
 */
public final class HandoffBench {
    private static final int ROUNDS = 2000;

    private HandoffBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("candor-handoff-bench");
        InstanceChannel channel = new InstanceChannel(
                InstanceChannel.socketFor(dir, Optional.empty()).orElseThrow(), Duration.ofSeconds(2));
        HandoffMessage message = new HandoffMessage(
                Optional.of("jitsi-meet://meet.example.org/Standup"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        print("offer, no socket (a start with no Candor running)", time(() -> channel.offer(message)));

        ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        crashed.bind(UnixDomainSocketAddress.of(channel.socket()));
        crashed.close(); // the file stays, as after a crash
        print("offer, stale socket left by a crash", time(() -> channel.offer(message)));
        Files.deleteIfExists(channel.socket());

        AtomicInteger received = new AtomicInteger();
        try (InstanceChannel.Listening running = channel.listen(p -> received.incrementAndGet())) {
            print("hand-off to a running instance (round trip)", time(() -> channel.offer(message)));

            // Interleaved with 'candor --version' (JVM start, class path, picocli): the baseline
            // any process of this app pays before it can do anything.
            List<Long> handoffs = new ArrayList<>();
            List<Long> versions = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                versions.add(process("--version"));
                handoffs.add(process("--data-dir", dir.toString(), "candor://meet.example.org/Standup"));
            }
            System.out.printf(
                    Locale.ROOT,
                    "second 'candor <link>' process, exec to exit (ms): %s, median %d%n",
                    handoffs,
                    median(handoffs));
            System.out.printf(
                    Locale.ROOT,
                    "baseline 'candor --version', exec to exit (ms):    %s, median %d; ratio %.2f%n",
                    versions,
                    median(versions),
                    (double) median(handoffs) / median(versions));
        }
        System.out.printf(Locale.ROOT, "messages received by the running instance: %d%n", received.get());
    }

    private static long process(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("candor " + String.join(" ", args) + " exited with " + code);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static double[] time(Runnable work) {
        for (int i = 0; i < 200; i++) {
            work.run(); // warm-up
        }
        long[] ns = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            work.run();
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        return new double[] {ns[ROUNDS / 2] / 1000.0, ns[ROUNDS * 99 / 100] / 1000.0};
    }

    private static void print(String what, double[] micros) {
        System.out.printf(Locale.ROOT, "%-52s median %8.1f µs, p99 %8.1f µs%n", what, micros[0], micros[1]);
    }
}
