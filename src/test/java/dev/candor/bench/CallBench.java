package dev.candor.bench;

import static dev.candor.app.CallScreenProbe.onFx;

import dev.candor.app.BrowserCallScreens;
import dev.candor.app.CallScreenProbe;
import dev.candor.browser.BrowserRuntime;
import dev.candor.browser.BrowserSettings;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.meeting.testing.CdpPage;
import dev.candor.meeting.testing.HeadlessChromium;
import dev.candor.ui.call.LiveCallScreen;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Joining a call: from "Join" (opening the call screen) to the remote participant's video drawn
 * in Candor's window, in a 2-person local room on 127.0.0.1 whose other participant is Debian's
 * Chromium (headless, fake camera), cold (first join in the process) and warm; and the memory of
 * Candor's whole process tree (JVM + every Chromium helper; the other participant's browser is
 * not counted) during the call, as summed PSS. Run under Xvfb:
 * {@code xvfb-run -a mvn -B -q -Pbench verify -Dbench=call}.
 */
public final class CallBench {
    private static final int WARM_ROUNDS = 5;

    private CallBench() {}

    public static void main(String[] args) throws Exception {
        if (!Boolean.getBoolean("candor.bench.inAppJvm")) {
            runInAppJvm(args);
            return;
        }
        Path data = Path.of("target/bench-data").toAbsolutePath();
        // -Dcandor.bench.switches="--a --b" tries extra Chromium switches (e.g. for memory).
        List<String> extra = Arrays.stream(
                        System.getProperty("candor.bench.switches", "").split("\\s+"))
                .filter(a -> !a.isBlank())
                .toList();
        BrowserSettings test = BrowserSettings.forTests(data);
        BrowserRuntime runtime = new BrowserRuntime(
                new BrowserSettings(test.dataDir(), test.testMode(), test.frameRate(), extra), uri -> {}, null);
        if (!extra.isEmpty()) {
            System.out.println("call: extra Chromium switches " + extra);
        }
        if (runtime.start() != BrowserRuntime.State.READY) {
            throw new IllegalStateException("Embedded browser did not start: " + runtime.failureMessage());
        }
        CountDownLatch fx = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(fx::countDown);
        fx.await(20, TimeUnit.SECONDS);

        ExecutorService background = Executors.newCachedThreadPool();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        BrowserCallScreens screens = CallScreenProbe.screens(runtime, background, timer, Duration.ofSeconds(30));
        List<Long> warm = new ArrayList<>();
        long cold = -1;
        ProcessTreeMemory inCall = null;
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            for (int round = 0; round <= WARM_ROUNDS; round++) {
                String room = "bench-" + round;
                CdpPage bo = chromium.newPage();
                bo.navigate(URIs.withName(screens.localRoomUrl(room), "Bo"));
                bo.await(
                        "document.querySelector('#local-video') && document.querySelector('#local-video').videoWidth > 0",
                        Duration.ofSeconds(20));

                long t0 = System.nanoTime();
                Object[] opened = onFx(() -> {
                    LiveCallScreen screen = (LiveCallScreen)
                            screens.open(new MeetingLink(new MeetingServer.LocalRoom(), room), "Ana", () -> {});
                    Stage stage = new Stage();
                    stage.setScene(new Scene(new StackPane(screen.content()), 1280, 720));
                    stage.show();
                    return new Object[] {screen, stage};
                });
                LiveCallScreen screen = (LiveCallScreen) opened[0];
                long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
                while (!CallScreenProbe.remoteTileShowsTheFakeCamera(CallScreenProbe.meetingSnapshot(screen))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("remote video never showed in round " + round);
                    }
                    Thread.sleep(10);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (round == 0) {
                    cold = ms;
                } else {
                    warm.add(ms);
                }
                if (round == WARM_ROUNDS) {
                    Thread.sleep(3000); // let the call settle before measuring memory
                    inCall = memoryWithout("chromium");
                    if (Boolean.getBoolean("candor.bench.breakdown")) {
                        System.out.print(MemoryBreakdown.heapHistogram());
                    }
                }
                onFx(() -> {
                    screen.close();
                    ((Stage) opened[1]).close();
                    return null;
                });
                bo.close();
                Thread.sleep(500);
            }
        } finally {
            screens.close();
            background.shutdownNow();
            timer.shutdownNow();
            runtime.shutdown();
            Platform.exit();
        }
        long[] sorted = warm.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT, "call: Join to remote video shown, cold (first join in the process) %d ms%n", cold);
        System.out.printf(
                Locale.ROOT,
                "call: Join to remote video shown, warm median %d ms (min %d, max %d, %d rounds) — target < 1000 ms%n",
                sorted[sorted.length / 2],
                sorted[0],
                sorted[sorted.length - 1],
                sorted.length);
        System.out.printf(
                Locale.ROOT,
                "call: Candor process tree in a 2-person call: %.0f MB summed PSS (%d processes; JVM %.0f MB) — target < 600 MB%n",
                inCall.pssKiB() / 1024.0,
                inCall.processes(),
                inCall.jvmPssKiB() / 1024.0);
        System.out.println("call: warm rounds " + Arrays.toString(sorted));
    }

    /**
     * Candor's memory depends on its JVM options, so the call runs in a child JVM started with the
     * app's own (the POM's {@code app.jvmArgs}, as exec:exec and the installers use them), plus any
     * given in {@code -Dcandor.bench.appJvmArgs="..."} (later ones win), and this JVM's
     * {@code candor.*} properties.
     */
    private static void runInAppJvm(String[] args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String options : List.of("candor.app.jvmArgs", "candor.bench.appJvmArgs")) {
            Arrays.stream(System.getProperty(options, "").split("\\s+"))
                    .filter(a -> !a.isBlank())
                    .forEach(command::add);
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("candor.")
                        && !k.equals("candor.app.jvmArgs")
                        && !k.equals("candor.bench.appJvmArgs"))
                .sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of(
                "-Dcandor.bench.inAppJvm=true",
                "-cp",
                System.getProperty("java.class.path"),
                CallBench.class.getName()));
        command.addAll(Arrays.asList(args));
        System.out.println("call: Candor's JVM options " + command.subList(1, command.indexOf("-cp")));
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("call benchmark failed with exit code " + code);
        }
    }

    /** Candor's process tree, leaving out the other participant's browser (also our child here). */
    private static ProcessTreeMemory memoryWithout(String otherBrowser) {
        List<ProcessHandle> tree = Stream.concat(
                        Stream.of(ProcessHandle.current()),
                        ProcessHandle.current().descendants())
                .filter(p ->
                        p.info().command().map(c -> !c.contains(otherBrowser)).orElse(true))
                .toList();
        long sum = tree.stream().mapToLong(p -> ProcessTreeMemory.pss(p.pid())).sum();
        if (Boolean.getBoolean("candor.bench.breakdown")) {
            System.out.print("call: memory breakdown\n" + MemoryBreakdown.of(tree));
        }
        return new ProcessTreeMemory(
                sum, tree.size(), ProcessTreeMemory.pss(ProcessHandle.current().pid()));
    }

    /** Adds the display name a plain-browser participant joins with. */
    private static final class URIs {
        static java.net.URI withName(java.net.URI room, String name) {
            return java.net.URI.create(room + (room.getQuery() == null ? "?" : "&") + "name=" + name);
        }
    }
}
