package dev.candor.bench;

import dev.candor.browser.BrowserRuntime;
import dev.candor.browser.BrowserSettings;
import dev.candor.browser.BrowserView;
import dev.candor.browser.PageServer;
import dev.candor.browser.PageSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Embedded browser rendering: a 1280x720 page animating at 60 fps. Prints the frames per second
 * that reach the JavaFX node against CEF's own paint count in the same run (the baseline), the
 * copy time per paint, and the memory of the whole process tree (summed PSS: JVM + every
 * Chromium helper). Needs an X display: {@code xvfb-run -a mvn -B -q -Pbench verify -Dbench=render}.
 */
public final class RenderBench {
    private RenderBench() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ProcessHandle.current()
                .info()
                .startInstant()
                .map(i -> i.toEpochMilli())
                .orElse(0L);
        Path data = Path.of(System.getProperty("candor.bench.dataDir", "target/jcef-bench"))
                .toAbsolutePath();
        BrowserRuntime runtime = new BrowserRuntime(BrowserSettings.of(data), u -> {}, null);
        long t0 = System.nanoTime();
        if (runtime.start() != BrowserRuntime.State.READY) {
            System.out.println("render: embedded browser unavailable: " + runtime.failureMessage());
            return;
        }
        long started = System.nanoTime();
        CountDownLatch fx = new CountDownLatch(1);
        Platform.startup(fx::countDown);
        fx.await();
        try (PageServer server = new PageServer()) {
            BrowserView[] view = new BrowserView[1];
            Platform.runLater(() -> {
                view[0] = runtime.open(PageSpec.builder(server.url("anim.html")).build());
                Stage stage = new Stage();
                stage.setScene(new Scene(new StackPane(view[0]), 1280, 720));
                stage.show();
            });
            while (view[0] == null || view[0].framesShown() == 0) {
                Thread.sleep(5);
            }
            long firstFrame = System.currentTimeMillis();
            Thread.sleep(2000); // warm-up
            long paints0 = view[0].page().frames().paints();
            long repeats0 = view[0].page().frames().repeats();
            long shown0 = view[0].framesShown();
            long w0 = System.nanoTime();
            Thread.sleep(10_000);
            double seconds = (System.nanoTime() - w0) / 1e9;
            double paintsPerSecond = (view[0].page().frames().paints() - paints0) / seconds;
            double framesPerSecond = paintsPerSecond - (view[0].page().frames().repeats() - repeats0) / seconds;
            double shownPerSecond = (view[0].framesShown() - shown0) / seconds;
            long[] copies = view[0].page().frames().copyTimes();
            Arrays.sort(copies);
            double mean = Arrays.stream(copies).average().orElse(0) / 1e6;
            double p99 = copies.length == 0 ? 0 : copies[(int) Math.min(copies.length - 1, copies.length * 0.99)] / 1e6;
            double max = copies.length == 0 ? 0 : copies[copies.length - 1] / 1e6;
            ProcessTreeMemory pss = ProcessTreeMemory.now();

            System.out.printf(Locale.ROOT, "render: page 1280x720 animated, %d s measured after 2 s warm-up%n", 10);
            System.out.printf(
                    Locale.ROOT,
                    "render: CEF onPaint calls %.1f/s = %.1f distinct frames/s (baseline: repeated paints of the same frame not counted)%n",
                    paintsPerSecond,
                    framesPerSecond);
            System.out.printf(
                    Locale.ROOT,
                    "render: frames reaching the JavaFX node %.1f/s, ratio %.3f of CEF frames (%.3f of onPaint calls)%n",
                    shownPerSecond,
                    shownPerSecond / framesPerSecond,
                    shownPerSecond / paintsPerSecond);
            System.out.printf(
                    Locale.ROOT,
                    "render: copy per paint mean %.3f ms, p99 %.3f ms, max %.3f ms (%d paints)%n",
                    mean,
                    p99,
                    max,
                    copies.length);
            System.out.printf(
                    Locale.ROOT,
                    "render: process tree PSS %.0f MB (%d processes; JVM %.0f MB)%n",
                    pss.pssKiB() / 1024.0,
                    pss.processes(),
                    pss.jvmPssKiB() / 1024.0);
            System.out.printf(
                    Locale.ROOT,
                    "render: CEF start %d ms, JVM start to first frame %d ms%n",
                    (started - t0) / 1_000_000,
                    jvmStart == 0 ? -1 : firstFrame - jvmStart);
            view[0].close().get(5, TimeUnit.SECONDS);
        }
        runtime.shutdown();
        Platform.exit();
    }
}
