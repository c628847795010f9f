package dev.candor.app;

import static dev.candor.app.CallScreenProbe.count;
import static dev.candor.app.CallScreenProbe.lastChat;
import static dev.candor.app.CallScreenProbe.onFx;
import static dev.candor.app.CallScreenProbe.onFxQuiet;
import static dev.candor.app.CallScreenProbe.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.browser.SharedBrowser;
import dev.candor.call.CallCommand;
import dev.candor.call.CallEvent;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import dev.candor.meeting.testing.CdpPage;
import dev.candor.meeting.testing.HeadlessChromium;
import dev.candor.ui.call.CallViewModel;
import dev.candor.ui.call.LiveCallScreen;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Candor call screens in one JVM join the same local room on 127.0.0.1 through the real
 * embedded browser, bridge and room server: each sees the other, the other's camera is actually
 * drawn into the JavaFX node, chat and endpoint messages go both ways, and leaving is seen.
 */
@ExtendWith(SharedBrowser.class)
class LocalRoomCallIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private BrowserCallScreens screens;
    private final List<Stage> stages = new java.util.ArrayList<>();
    private final AtomicInteger leaves = new AtomicInteger();

    @BeforeEach
    void openScreens(SharedBrowser.Runtime runtime) {
        screens = CallScreenProbe.screens(runtime.browser, background, timer, Duration.ofSeconds(30));
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
    void twoCandorsSeeHearAndChatWithEachOtherInALocalRoom() throws Exception {
        MeetingLink link = new MeetingLink(new MeetingServer.LocalRoom(), "it-room");
        LiveCallScreen ana = open(link, "Ana", 0);
        LiveCallScreen ben = open(link, "Ben", 700);

        waitFor("both in the call with two people", () -> count(ana) == 2 && count(ben) == 2, 30);
        assertThat(onFx(() -> names(ana))).containsExactly("Ana", "Ben");
        assertThat(onFx(() -> names(ben))).containsExactly("Ben", "Ana");

        // Chat both ways; hostile text arrives as text.
        String hostile = "<img src=x onerror=alert(1)> </script> \"quoted\"";
        onFx(() -> ana.model().sendChat(hostile, Optional.empty()));
        waitFor("Ben gets Ana's chat", () -> lastChat(ben).equals(hostile), 10);
        onFx(() -> ben.model().sendChat("Hi Ana", Optional.empty()));
        waitFor("Ana gets Ben's chat", () -> lastChat(ana).equals("Hi Ana"), 10);

        // Endpoint messages both ways, attributed to the sender's meeting id.
        List<CallEvent> anaGot = new CopyOnWriteArrayList<>();
        List<CallEvent> benGot = new CopyOnWriteArrayList<>();
        ana.addCallListener(anaGot::add);
        ben.addCallListener(benGot::add);
        ParticipantId anaId = onFx(() -> ana.model().participants().get(0).id());
        ParticipantId benId = onFx(() -> ben.model().participants().get(0).id());
        onFx(() -> {
            ana.model().send(new CallCommand.SendEndpointMessage(Recipient.EVERYONE, "{\"notice\":1}"));
            ben.model().send(new CallCommand.SendEndpointMessage(Recipient.one(anaId), "{\"notice\":2}"));
            return null;
        });
        waitFor(
                "endpoint messages arrive both ways",
                () -> endpoint(benGot, anaId, "{\"notice\":1}") && endpoint(anaGot, benId, "{\"notice\":2}"),
                10);

        // The remote camera is rendered into the JavaFX node with the fake camera's colours.
        waitFor("Ben's video shows in Ana's view", () -> remoteVideoShown(ana), 20);

        // Leave is seen by the other side.
        onFx(() -> {
            ben.model().hangUp();
            return null;
        });
        waitFor("Ana sees Ben leave", () -> count(ana) == 1, 15);
    }

    @Test
    void aParticipantInPlainChromiumChatsWithCandor() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "Debian's chromium is not installed");
        MeetingLink link = new MeetingLink(new MeetingServer.LocalRoom(), "plain-room");
        LiveCallScreen ana = open(link, "Ana", 0);
        waitFor("Ana in the call", () -> count(ana) == 1, 30);
        URI roomUrl = screensRoomUrl("plain-room");
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            CdpPage bo = chromium.newPage();
            bo.navigate(roomUrl);
            bo.await("document.getElementById('join-form') && !document.getElementById('join-form').hidden", WAIT);
            bo.evaluate("document.getElementById('name-input').value = 'Bo';"
                    + "document.getElementById('join-form').requestSubmit(); true");
            waitFor("Candor sees Bo", () -> onFxQuiet(() -> names(ana)).contains("Bo"), 20);
            bo.await(
                    "[...document.querySelectorAll('#participants li')].some(li => li.textContent.includes('Ana'))",
                    WAIT);

            onFx(() -> ana.model().sendChat("Hello Bo <b>bold</b>", Optional.empty()));
            bo.await(
                    "[...document.querySelectorAll('#chat-log li')].some(li => li.textContent.includes('Hello Bo <b>bold</b>'))",
                    WAIT);
            bo.evaluate("document.getElementById('chat-input').value = 'Hi Ana from a browser';"
                    + "document.getElementById('chat-form').requestSubmit(); true");
            waitFor("Candor gets Bo's chat", () -> lastChat(ana).equals("Hi Ana from a browser"), 10);
            bo.evaluate("document.getElementById('hangup').click(); true");
            waitFor("Candor sees Bo leave", () -> count(ana) == 1, 15);
        }
    }

    /** The room's page URL as a person without Candor opens it (the room server is already up). */
    private URI screensRoomUrl(String room) throws java.io.IOException {
        return screens.localRoomUrl(room);
    }

    /** The remote camera in Ana's view; the snapshot is kept in target/it-shots for a failure's reader. */
    private static boolean remoteVideoShown(LiveCallScreen s) {
        WritableImage image = CallScreenProbe.meetingSnapshot(s);
        if (image != null) {
            try {
                Path out = Path.of("target/it-shots");
                Files.createDirectories(out);
                ImageIO.write(
                        SwingFXUtils.fromFXImage(image, null),
                        "png",
                        out.resolve("remote-video.png").toFile());
            } catch (Exception ignored) {
                // A missing screenshot only makes a failure harder to read.
            }
        }
        return CallScreenProbe.remoteTileShowsTheFakeCamera(image);
    }

    private static boolean endpoint(List<CallEvent> events, ParticipantId from, String text) {
        return events.stream()
                .anyMatch(e -> e instanceof CallEvent.EndpointMessageReceived m
                        && m.from().equals(from)
                        && m.text().equals(text));
    }

    private LiveCallScreen open(MeetingLink link, String name, int x) throws Exception {
        return onFx(() -> {
            LiveCallScreen screen = (LiveCallScreen) screens.open(link, name, leaves::incrementAndGet);
            Stage stage = new Stage();
            stage.setX(x);
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(screen.content()), 1280, 720));
            stage.show();
            stages.add(stage);
            return screen;
        });
    }

    private static List<String> names(LiveCallScreen s) {
        return s.model().participants().stream()
                .map(CallViewModel.Participant::name)
                .toList();
    }
}
