package dev.candor.app;

import dev.candor.browser.BrowserRuntime;
import dev.candor.media.X11DesktopSources;
import dev.candor.meeting.jitsi.JitsiHostPageServer;
import dev.candor.meeting.localroom.LocalRoomServer;
import dev.candor.ui.UiParts;
import dev.candor.ui.call.FxDesktopPicker;
import dev.candor.ui.call.LiveCallScreen;
import dev.candor.ui.call.ScreenPickerViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * What end-to-end tests and benchmarks read off a live call screen from outside the FX thread:
 * participant counts, the last chat line, and whether the remote camera is drawn in the meeting
 * view. Also the two waiting primitives they share.
 */
public final class CallScreenProbe {
    private CallScreenProbe() {}

    /**
     * Real call screens for tests and benchmarks: the local room on 127.0.0.1 and any free port, the
     * Jitsi host page server, and the given embedded browser.
     */
    public static BrowserCallScreens screens(
            BrowserRuntime browser, Executor background, ScheduledExecutorService timer, Duration joinTimeout) {
        return screens(browser, background, timer, joinTimeout, picker -> {});
    }

    /** {@link #screens} whose screen pickers are handed to {@code pickers} as they open. */
    public static BrowserCallScreens screens(
            BrowserRuntime browser,
            Executor background,
            ScheduledExecutorService timer,
            Duration joinTimeout,
            Consumer<ScreenPickerViewModel> pickers) {
        return new BrowserCallScreens(
                browser,
                new LocalRoomServer(),
                "127.0.0.1",
                0,
                new JitsiHostPageServer(),
                background,
                timer,
                Clock.systemUTC(),
                UiParts.texts(),
                joinTimeout,
                X11DesktopSources.ofThisDisplay(),
                new FxDesktopPicker(UiParts.texts(), pickers));
    }

    /** People in the call as the screen shows them (0 before the first connection). */
    public static int count(LiveCallScreen s) {
        return onFxQuiet(() -> s.model() == null ? 0 : s.model().participants().size());
    }

    /** The newest chat line's text, or "". */
    public static String lastChat(LiveCallScreen s) {
        return onFxQuiet(() -> {
            var chat = s.model().chat();
            return chat.isEmpty() ? "" : chat.get(chat.size() - 1).text();
        });
    }

    /** A snapshot of the meeting view (the embedded page), or null before it is attached. */
    public static WritableImage meetingSnapshot(LiveCallScreen s) {
        return onFxQuiet(() -> {
            if (s.model() == null) {
                return null;
            }
            Node meeting = ((StackPane) ((BorderPane)
                                    ((StackPane) s.content()).getChildren().get(0))
                            .getCenter())
                    .getChildren()
                    .get(0);
            return meeting.snapshot(null, null);
        });
    }

    /**
     * Chromium's fake camera draws a mostly green frame; in a 2-person local room the remote tile
     * is the right half of the embedded page. Most sampled pixels there must be green (a known
     * off-screen rendering bug once showed them white or magenta).
     */
    public static boolean remoteTileShowsTheFakeCamera(WritableImage image) {
        if (image == null) {
            return false;
        }
        PixelReader px = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int green = 0;
        int total = 0;
        for (int y = h / 8; y < h / 2; y += 6) {
            for (int x = w / 2 + w / 16; x < w - w / 16; x += 6) {
                int argb = px.getArgb(x, y);
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                total++;
                if (g > r + 30 && g > b + 30) {
                    green++;
                }
            }
        }
        return total > 0 && green > total / 3;
    }

    /** Polls {@code condition} every 50 ms; fails saying {@code what} after {@code seconds}. */
    public static void waitFor(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out waiting until " + what);
    }

    /** Runs {@code work} on the FX thread and returns its result (20 s at most). */
    public static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }

    /** {@link #onFx} for callers that cannot throw checked exceptions. */
    public static <T> T onFxQuiet(Callable<T> work) {
        try {
            return onFx(work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
