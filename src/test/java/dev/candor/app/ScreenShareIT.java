package dev.candor.app;

import static dev.candor.app.CallScreenProbe.count;
import static dev.candor.app.CallScreenProbe.onFx;
import static dev.candor.app.CallScreenProbe.onFxQuiet;
import static dev.candor.app.CallScreenProbe.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.browser.BrowserView;
import dev.candor.browser.PageServer;
import dev.candor.browser.PageSpec;
import dev.candor.browser.SharedBrowser;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.media.DesktopSource;
import dev.candor.media.ScreenShareGate;
import dev.candor.media.X11DesktopSources;
import dev.candor.meeting.jitsi.FakeJitsiDeployment;
import dev.candor.meeting.localroom.LocalRoomLimits;
import dev.candor.meeting.localroom.LocalRoomServer;
import dev.candor.ui.UiParts;
import dev.candor.ui.call.FxDesktopPicker;
import dev.candor.ui.call.LiveCallScreen;
import dev.candor.ui.call.ScreenPickerViewModel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Screen sharing end to end under Xvfb: a Candor call screen in the local room shares the X
 * screen picked in Candor's picker, and the other Candor in the room receives it as video; a
 * frame of another site inside a meeting page is refused the picker and capture.
 */
@ExtendWith(SharedBrowser.class)
class ScreenShareIT {
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<ScreenPickerViewModel> pickers = new LinkedBlockingQueue<>();
    private final List<Stage> stages = new ArrayList<>();
    private BrowserCallScreens screens;

    @BeforeEach
    void openScreens(SharedBrowser.Runtime runtime) {
        screens = CallScreenProbe.screens(runtime.browser, background, timer, Duration.ofSeconds(30), pickers::add);
    }

    @AfterEach
    void closeAll() throws Exception {
        onFx(() -> {
            stages.forEach(Stage::close);
            return null;
        });
        screens.close();
        background.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void theScreenPickedInCandorsPickerReachesTheOtherParticipantAndStopSharingEndsIt() throws Exception {
        MeetingLink link = new MeetingLink(new MeetingServer.LocalRoom(), "share-room");
        LiveCallScreen ana = open(link, "Ana", 0);
        LiveCallScreen ben = open(link, "Ben", 700);
        waitFor("both in the call", () -> count(ana) == 2 && count(ben) == 2, 30);
        waitFor("Ben sees Ana's camera", () -> CallScreenProbe.remoteTileShowsTheFakeCamera(snapshot(ben)), 20);

        // Cancel starts nothing.
        onFx(() -> {
            ana.model().toggleScreenShare();
            return null;
        });
        ScreenPickerViewModel first = pickers.poll(15, TimeUnit.SECONDS);
        assertThat(first).as("Candor's picker opened").isNotNull();
        onFx(() -> {
            first.cancel();
            return null;
        });
        Thread.sleep(1000);
        assertThat(onFx(() -> ana.model().sharingScreenProperty().get())).isFalse();
        waitFor("Ben still sees Ana's camera", () -> CallScreenProbe.remoteTileShowsTheFakeCamera(snapshot(ben)), 10);

        // Share the whole screen, picked through the picker's model.
        onFx(() -> {
            ana.model().toggleScreenShare();
            return null;
        });
        ScreenPickerViewModel picker = pickers.poll(15, TimeUnit.SECONDS);
        assertThat(picker).isNotNull();
        DesktopSource screen = onFx(() -> picker.sources().get(0));
        assertThat(screen.kind()).isEqualTo(DesktopSource.Kind.SCREEN);
        assertThat(screen.thumbnail()).as("the screen has a thumbnail").isPresent();
        onFx(() -> {
            picker.select(screen);
            return picker.share();
        });
        waitFor(
                "Ana is sharing",
                () -> onFxQuiet(() -> ana.model().sharingScreenProperty().get()),
                15);
        waitFor("Ben sees Ana's screen instead of her camera", () -> showsTheScreen(snapshot(ben, "shared")), 20);

        // Stop sharing: the camera comes back.
        onFx(() -> {
            ana.model().toggleScreenShare();
            return null;
        });
        waitFor(
                "sharing stopped",
                () -> !onFxQuiet(() -> ana.model().sharingScreenProperty().get()),
                10);
        waitFor("Ben sees Ana's camera again", () -> CallScreenProbe.remoteTileShowsTheFakeCamera(snapshot(ben)), 20);
        assertThat(pickers).isEmpty();
    }

    @Test
    void jitsiAsksCandorForTheDesktopSourceAndItsFrameCapturesThePickedScreen() throws Exception {
        try (FakeJitsiDeployment fake = new FakeJitsiDeployment(true);
                LocalRoomServer signalling = new LocalRoomServer(LocalRoomLimits.DEFAULT.withExtraOrigins(
                        Set.of(fake.base().toString())))) {
            signalling.start("127.0.0.1", 0);
            fake.useSignalling(URI.create("ws://127.0.0.1:" + signalling.port() + "/ws/"));
            LiveCallScreen ana =
                    open(new MeetingLink(new MeetingServer.JitsiServer(fake.base()), "ShareRoom"), "Ana", 0);
            waitFor("Ana in the Jitsi call", () -> count(ana) == 1, 40);

            // Cancel in Candor's picker: Jitsi gets no source and nothing is captured.
            onFx(() -> {
                ana.model().toggleScreenShare();
                return null;
            });
            ScreenPickerViewModel cancelled = pickers.poll(15, TimeUnit.SECONDS);
            assertThat(cancelled).as("Jitsi's request opened Candor's picker").isNotNull();
            onFx(() -> {
                cancelled.cancel();
                return null;
            });
            Thread.sleep(1000);
            assertThat(onFx(() -> ana.model().sharingScreenProperty().get())).isFalse();

            onFx(() -> {
                ana.model().toggleScreenShare();
                return null;
            });
            ScreenPickerViewModel picker = pickers.poll(15, TimeUnit.SECONDS);
            assertThat(picker).isNotNull();
            onFx(picker::share);
            waitFor(
                    "Jitsi's frame captured the picked screen",
                    () -> onFxQuiet(() -> ana.model().sharingScreenProperty().get()),
                    15);
            onFx(() -> {
                ana.model().toggleScreenShare();
                return null;
            });
            waitFor(
                    "sharing stopped",
                    () -> !onFxQuiet(() -> ana.model().sharingScreenProperty().get()),
                    10);
            onFx(() -> {
                ana.model().hangUp();
                return null;
            });
        }
    }

    @Test
    void aFrameOfAnotherSiteIsRefusedThePickerAndScreenCapture(SharedBrowser.Runtime runtime) throws Exception {
        try (PageServer other = new PageServer();
                PageServer meeting = new PageServer()) {
            meeting.with("OTHER", other.origin()).header("Permissions-Policy", "display-capture=()");
            String meetingOrigin = meeting.origin();
            PageScreenShare share = new PageScreenShare(new ScreenShareGate(
                    Set.of(meetingOrigin),
                    X11DesktopSources.ofThisDisplay(),
                    new FxDesktopPicker(UiParts.texts(), pickers::add),
                    background));
            PageSpec spec = share.register(PageSpec.builder(meeting.url("screen-meeting.html"))
                            // The other site may even use the bridge: the gate still refuses it.
                            .allowBridge(other.origin()))
                    .build();
            BrowserView view = onFx(() -> {
                BrowserView v = runtime.browser.open(spec);
                Stage stage = new Stage();
                stage.setScene(new Scene(new StackPane(v), 400, 300));
                stage.show();
                stages.add(stage);
                return v;
            });
            share.attach(view.page());
            waitFor(
                    "the other site's frame reports",
                    () -> onFxQuiet(view::getTitle).startsWith("other:"),
                    20);
            String report = onFx(view::getTitle);
            assertThat(report).contains("pick={\"source\":null}").contains("getDisplayMedia NotAllowedError");
            assertThat(pickers).as("no picker was shown").isEmpty();
        }
    }

    private WritableImage snapshot(LiveCallScreen s) {
        return snapshot(s, "camera");
    }

    /** A snapshot of the meeting view, also kept as target/it-shots/screen-share-NAME.png. */
    private WritableImage snapshot(LiveCallScreen s, String name) {
        WritableImage image = CallScreenProbe.meetingSnapshot(s);
        if (image != null) {
            try {
                Path out = Path.of("target/it-shots");
                Files.createDirectories(out);
                ImageIO.write(
                        SwingFXUtils.fromFXImage(image, null),
                        "png",
                        out.resolve("screen-share-" + name + ".png").toFile());
            } catch (Exception ignored) {
                // A missing screenshot only makes a failure harder to read.
            }
        }
        return image;
    }

    /**
     * The remote tile (right half of a 2-person room) shows the shared X screen. The screen shows
     * the two call windows, each with its light call bar under the dark meeting view: some row of
     * the tile is mostly light, which neither the fake camera (green) nor a frame decoded without
     * its key frame (grey) has, and the tile is not mostly the camera's green.
     */
    static boolean showsTheScreen(WritableImage image) {
        if (image == null || CallScreenProbe.remoteTileShowsTheFakeCamera(image)) {
            return false;
        }
        PixelReader px = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        for (int y = h / 64; y < h / 2; y += 2) {
            int light = 0;
            int total = 0;
            for (int x = w / 2 + w / 32; x < w - w / 32; x += 4) {
                int argb = px.getArgb(x, y);
                int min = Math.min((argb >> 16) & 0xff, Math.min((argb >> 8) & 0xff, argb & 0xff));
                total++;
                if (min > 180) {
                    light++;
                }
            }
            if (light > total * 6 / 10) {
                return true;
            }
        }
        return false;
    }

    private LiveCallScreen open(MeetingLink link, String name, int x) throws Exception {
        return onFx(() -> {
            LiveCallScreen screen = (LiveCallScreen) screens.open(link, name, () -> {});
            Stage stage = new Stage();
            stage.setX(x);
            stage.setY(0);
            stage.setScene(new Scene(new StackPane(screen.content()), 1280, 720));
            stage.show();
            stages.add(stage);
            return screen;
        });
    }
}
