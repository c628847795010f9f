package dev.candor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded browser end to end under Xvfb: pixels, input, bridge and lock-down. */
@ExtendWith(SharedBrowser.class)
class EmbeddedBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PageServer own;
    private static PageServer other;

    private final SharedBrowser.Runtime runtime;
    private final Inbox inbox = new Inbox();
    private Stage stage;
    private BrowserView view;

    EmbeddedBrowserIT(SharedBrowser.Runtime runtime) {
        this.runtime = runtime;
    }

    @BeforeAll
    static void servers() throws Exception {
        other = new PageServer();
        own = new PageServer().with("OTHER", other.origin());
        other.with("OTHER", own.origin());
    }

    @AfterAll
    static void stopServers() {
        own.close();
        other.close();
    }

    @AfterEach
    void closeView() throws Exception {
        if (view != null) {
            view.close().get(5, TimeUnit.SECONDS);
        }
        if (stage != null) {
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }

    @Test
    void pagePixelsReachTheJavaFxNode() throws Exception {
        open(PageSpec.builder(own.url("color.html")).build());
        Color page = Color.rgb(10, 200, 30);
        Color c = Color.WHITE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && distance(c, page) > 0.02) {
            c = fx(() -> {
                WritableImage shot = view.snapshot(null, null);
                return shot.getPixelReader().getColor((int) shot.getWidth() / 2, (int) shot.getHeight() / 2);
            });
            Thread.sleep(50);
        }
        assertThat(view.framesShown()).isPositive();
        FrameBuffer.Frame frame = view.page().frames().current();
        assertThat(frame.width()).isEqualTo(640);
        assertThat(frame.height()).isEqualTo(400);
        assertThat(c.getRed() * 255).isCloseTo(10, org.assertj.core.data.Offset.offset(2.0));
        assertThat(c.getGreen() * 255).isCloseTo(200, org.assertj.core.data.Offset.offset(2.0));
        assertThat(c.getBlue() * 255).isCloseTo(30, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void remoteDecodedVideoKeepsItsColours() throws Exception {
        open(PageSpec.builder(own.url("video.html")).build());
        waitFor(() -> view.getTitle().startsWith("playing"), "remote video to play");
        Thread.sleep(1000);
        Color green = Color.rgb(0, 200, 0);
        Color c = fx(() -> view.snapshot(null, null).getPixelReader().getColor(160, 120));
        assertThat(distance(c, green))
                .as("node shows %s, page sees %s", c, view.getTitle())
                .isLessThan(0.1);
    }

    @Test
    void clicksTypingShortcutsAndWheelReachThePageAndAModifierAloneIsNotDelete() throws Exception {
        open(inbox.register(PageSpec.builder(own.url("input.html")), "input.state")
                .build());
        waitFor(
                () -> "input ready".equals(view.getTitle())
                        && view.page().frames().current().width() == 640,
                "page shown");
        untilThePageTakesInput(() -> click(100, 20), "input.state");
        type("hello");
        inbox.await("input.state", s -> s.path("value").asText().equals("hello"));

        key(KeyCode.HOME, false);
        key(KeyCode.SHIFT, false);
        key(KeyCode.CONTROL, false);
        JsonNode afterModifiers =
                inbox.await("input.state", s -> s.path("keys").toString().contains("Control"));
        assertThat(afterModifiers.path("value").asText()).isEqualTo("hello");
        assertThat(afterModifiers.path("keys").toString()).contains("\"Shift\"").doesNotContain("Delete");

        key(KeyCode.A, true);
        type("x");
        inbox.await("input.state", s -> s.path("value").asText().equals("x"));

        fx(() -> {
            view.fireEvent(new ScrollEvent(
                    ScrollEvent.SCROLL,
                    200,
                    200,
                    200,
                    200,
                    false,
                    false,
                    false,
                    false,
                    false,
                    false,
                    0,
                    -120,
                    0,
                    -120,
                    ScrollEvent.HorizontalTextScrollUnits.NONE,
                    0,
                    ScrollEvent.VerticalTextScrollUnits.NONE,
                    0,
                    0,
                    null));
            return null;
        });
        inbox.await("input.state", s -> s.path("scrollY").asInt() > 0);
    }

    @Test
    void typedMessagesTravelBothWaysAndForeignFramesAreRefused() throws Exception {
        PageSpec.Builder spec = PageSpec.builder(own.url("bridge.html"))
                .on("ping", 1, r -> Map.of("pong", r.payload().path("n").asInt() + 1));
        open(inbox.register(spec, "ready", "echo.result", "frame.result").build());

        JsonNode ready = inbox.await("ready", s -> true);
        assertThat(ready.path("pong").path("pong").asInt()).isEqualTo(42);
        assertThat(ready.path("unknown").asInt()).isEqualTo(BridgeException.UNKNOWN_TYPE);
        assertThat(ready.path("version").asInt()).isEqualTo(BridgeException.WRONG_VERSION);

        JsonNode frame = inbox.await("frame.result", s -> true);
        assertThat(frame.path("accepted").asBoolean()).isFalse();
        assertThat(frame.path("code").asInt()).isEqualTo(BridgeException.FORBIDDEN);

        String hostile = "</script><script>window.pwned=1</script> \"double\" 'single' \\ back"
                + " \u2028LS \u2029PS <!-- --> ${x} `tick` \uD83D\uDE00 \u00fcn\u00ef\u0000end";
        view.page().post("echo.back", 1, Map.of("text", hostile));
        JsonNode echoed = inbox.await("echo.result", s -> true);
        assertThat(echoed.path("text").asText()).isEqualTo(hostile);
    }

    @Test
    void navigationElsewhereOpensTheSystemBrowserAndFilesAreBlocked() throws Exception {
        PageSpec.Builder spec = PageSpec.builder(own.url("bridge.html")).on("ping", 1, r -> 1);
        open(inbox.register(spec, "ready", "echo.result", "frame.result", "pointer")
                .build());
        inbox.await("ready", s -> true);
        untilThePageTakesInput(() -> click(400, 20), "pointer");
        int before = runtime.opened.size();

        view.page().post("go", 1, Map.of("url", "file:///etc/hostname"));
        String elsewhere = other.url("color.html?navigated");
        view.page().post("go", 1, Map.of("url", elsewhere));
        waitFor(() -> runtime.opened.contains(URI.create(elsewhere)), "the link to open externally");

        click(20, 220);
        waitFor(
                () -> runtime.opened.contains(URI.create(other.url("color.html?popup"))),
                "the popup to open externally");

        // Nothing navigated inside Candor, and the file URL never reached the opener.
        view.page().post("echo.back", 1, Map.of("still", "here"));
        assertThat(inbox.await("echo.result", s -> true).path("still").asText()).isEqualTo("here");
        assertThat(view.page().address()).isEqualTo(own.url("bridge.html"));
        assertThat(runtime.opened.subList(before, runtime.opened.size()))
                .noneMatch(u -> "file".equals(u.getScheme()))
                .hasSize(2);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void open(PageSpec spec) throws Exception {
        fx(() -> {
            view = runtime.browser.open(spec);
            stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            stage.setScene(new Scene(new StackPane(view), 640, 400));
            stage.show();
            stage.toFront();
            return null;
        });
        view.page().firstLoad().get(15, TimeUnit.SECONDS);
    }

    /**
     * Chromium drops input that arrives in the first moments after a page is shown (before its
     * first paint is committed), so tests click until the page reports one.
     */
    private void untilThePageTakesInput(ThrowingRunnable click, String reportType) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            click.run();
            if (inbox.poll(reportType, 300)) {
                return;
            }
        }
        throw new AssertionError("The page never took input");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * Input is fired as JavaFX events on the node: under Xvfb there is no window manager to give
     * the stage keyboard focus, and what is tested is the node's forwarding to the page.
     */
    private void click(double x, double y) throws Exception {
        fx(() -> {
            view.requestFocus();
            view.fireEvent(mouse(MouseEvent.MOUSE_MOVED, x, y, false));
            view.fireEvent(mouse(MouseEvent.MOUSE_PRESSED, x, y, true));
            view.fireEvent(mouse(MouseEvent.MOUSE_RELEASED, x, y, false));
            return null;
        });
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y, boolean down) {
        MouseButton button = type == MouseEvent.MOUSE_MOVED ? MouseButton.NONE : MouseButton.PRIMARY;
        return new MouseEvent(
                type, x, y, x, y, button, 1, false, false, false, false, down, false, false, false, false, false, null);
    }

    private void type(String text) throws Exception {
        for (char c : text.toCharArray()) {
            String s = String.valueOf(c);
            KeyCode code = KeyCode.getKeyCode(s.toUpperCase(java.util.Locale.ROOT));
            fx(() -> {
                view.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", s, code, false, false, false, false));
                view.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED, false, false, false, false));
                view.fireEvent(new KeyEvent(KeyEvent.KEY_RELEASED, "", s, code, false, false, false, false));
                return null;
            });
        }
    }

    /** Presses and releases a key with no character, optionally with Ctrl held. */
    private void key(KeyCode code, boolean withControl) throws Exception {
        fx(() -> {
            if (withControl) {
                view.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.CONTROL, false, true, false, false));
            }
            String text = code.isLetterKey() ? code.getChar().toLowerCase(java.util.Locale.ROOT) : "";
            view.fireEvent(new KeyEvent(
                    KeyEvent.KEY_PRESSED,
                    "",
                    text,
                    code,
                    code == KeyCode.SHIFT,
                    withControl || code == KeyCode.CONTROL,
                    false,
                    false));
            if (withControl) {
                view.fireEvent(
                        new KeyEvent(KeyEvent.KEY_TYPED, "\u0001", "", KeyCode.UNDEFINED, false, true, false, false));
            }
            view.fireEvent(new KeyEvent(KeyEvent.KEY_RELEASED, "", text, code, false, withControl, false, false));
            if (withControl) {
                view.fireEvent(
                        new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.CONTROL, false, false, false, false));
            }
            return null;
        });
    }

    static <T> T fx(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(10, TimeUnit.SECONDS);
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Collects bridge messages from the page by type. */
    static final class Inbox {
        private final Map<String, BlockingQueue<JsonNode>> queues = new ConcurrentHashMap<>();

        PageSpec.Builder register(PageSpec.Builder spec, String... types) {
            for (String type : types) {
                BlockingQueue<JsonNode> q = queues.computeIfAbsent(type, t -> new LinkedBlockingQueue<>());
                spec.on(type, 1, r -> {
                    q.add(r.payload());
                    return null;
                });
            }
            return spec;
        }

        boolean poll(String type, long millis) throws InterruptedException {
            return queues.get(type).poll(millis, TimeUnit.MILLISECONDS) != null;
        }

        JsonNode await(String type, Predicate<JsonNode> matching) throws InterruptedException {
            BlockingQueue<JsonNode> q = queues.get(type);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            JsonNode last = null;
            while (System.nanoTime() < deadline) {
                JsonNode n = q.poll(100, TimeUnit.MILLISECONDS);
                if (n != null) {
                    last = n;
                    if (matching.test(n)) {
                        return n;
                    }
                }
            }
            throw new AssertionError("No matching " + type + " message; last was " + last);
        }
    }

    private static double distance(Color a, Color b) {
        return Math.max(
                Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }
}
