package dev.candor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * Start, HiDPI and shutdown, each in a JVM of its own (CEF starts once per process): shutting down leaves
 * no Chromium process, and with no display the runtime says so instead of crashing.
 */
class OwnJvmIT {
    @Test
    void shutdownLeavesNoChromiumProcessBehind() throws Exception {
        Map<String, String> out = runChild("run", true);
        List<Long> helpers = java.util.Arrays.stream(out.get("helpersWhileOpen").split(","))
                .map(Long::parseLong)
                .toList();
        assertThat(helpers).hasSizeGreaterThan(2); // zygotes, GPU, network, renderer
        // Inside the JVM, every helper but Chromium's two idle zygotes ends with shutdown; the
        // zygotes follow when the JVM (their IPC peer) exits.
        assertThat(out.get("nonZygoteHelpersAfterShutdown")).isEqualTo("0");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && helpers.stream().anyMatch(OwnJvmIT::alive)) {
            Thread.sleep(50);
        }
        assertThat(helpers).noneMatch(OwnJvmIT::alive);
    }

    @Test
    void withoutADisplayTheRuntimeReportsUnsupportedAndDoesNotCrash() throws Exception {
        Map<String, String> out = runChild("nodisplay", false);
        assertThat(out.get("state")).isEqualTo("UNSUPPORTED");
        assertThat(out.get("message")).contains("display");
    }

    @Test
    void onAHiDpiScreenThePagePaintsAtDeviceResolution() throws Exception {
        Map<String, String> out = runChild("hidpi", true, "-Dglass.gtk.uiScale=2");
        assertThat(out.get("frame")).isEqualTo("640x400");
    }

    private static Map<String, String> runChild(String mode, boolean display, String... jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), mode));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (!display) {
            pb.environment().remove("DISPLAY");
        }
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> values = new java.util.HashMap<>();
        text.lines().filter(l -> l.startsWith("result ")).forEach(l -> {
            String[] kv = l.substring(7).split("=", 2);
            values.put(kv[0], kv[1]);
        });
        assertThat(values).as("child output: %s", text).isNotEmpty();
        return values;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean isZygoteOrZombie(long pid) {
        try {
            String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return cmdline.contains("--type=zygote")
                    || stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    /** The child JVM: starts the runtime, shows a page, shuts down, reports on stdout. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path data = Path.of("target/jcef-it").toAbsolutePath();
            BrowserRuntime runtime = new BrowserRuntime(BrowserSettings.forTests(data), u -> {}, null);
            BrowserRuntime.State state = runtime.start();
            if (args[0].equals("nodisplay")) {
                System.out.println("result state=" + state);
                System.out.println("result message=" + runtime.failureMessage());
                System.exit(0);
            }
            CountDownLatch fx = new CountDownLatch(1);
            Platform.startup(fx::countDown);
            fx.await();
            try (PageServer server = new PageServer()) {
                BrowserView[] view = new BrowserView[1];
                Platform.runLater(() -> {
                    view[0] = runtime.open(
                            PageSpec.builder(server.url("color.html")).build());
                    Stage stage = new Stage();
                    stage.setScene(new Scene(new StackPane(view[0]), 320, 200));
                    stage.show();
                });
                while (view[0] == null || view[0].framesShown() == 0) {
                    Thread.sleep(20);
                }
                if (args[0].equals("hidpi")) {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    FrameBuffer.Frame f = view[0].page().frames().current();
                    while (f.width() < 640 && System.nanoTime() < until) {
                        Thread.sleep(20);
                        f = view[0].page().frames().current();
                    }
                    System.out.println("result frame=" + f.width() + "x" + f.height());
                    System.out.flush();
                    runtime.shutdown();
                    System.exit(0);
                }
                String open = ProcessHandle.current()
                        .descendants()
                        .map(h -> Long.toString(h.pid()))
                        .collect(java.util.stream.Collectors.joining(","));
                runtime.shutdown();
                long after = ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .filter(h -> !isZygoteOrZombie(h.pid()))
                        .count();
                System.out.println("result helpersWhileOpen=" + open);
                System.out.println("result nonZygoteHelpersAfterShutdown=" + after);
            }
            System.out.flush();
            Platform.exit();
            System.exit(0);
        }
    }
}
