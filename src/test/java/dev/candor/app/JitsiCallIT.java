package dev.candor.app;

import static dev.candor.app.CallScreenProbe.count;
import static dev.candor.app.CallScreenProbe.lastChat;
import static dev.candor.app.CallScreenProbe.onFx;
import static dev.candor.app.CallScreenProbe.onFxQuiet;
import static dev.candor.app.CallScreenProbe.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.browser.SharedBrowser;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.meeting.jitsi.FakeJitsiDeployment;
import dev.candor.meeting.localroom.LocalRoomLimits;
import dev.candor.meeting.localroom.LocalRoomServer;
import dev.candor.ui.call.CallViewModel;
import dev.candor.ui.call.LiveCallScreen;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Jitsi binding through Candor's real call screen and embedded browser, against a fake Jitsi
 * deployment on 127.0.0.1 written from the documented IFrame API: the host page loads its
 * external_api.js, the bridge carries events and commands, and a server that is down gives the
 * error screen with Try again and Back.
 */
@ExtendWith(SharedBrowser.class)
class JitsiCallIT {
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final AtomicInteger leaves = new AtomicInteger();
    private BrowserCallScreens screens;

    @BeforeEach
    void openScreens(SharedBrowser.Runtime runtime) {
        screens = CallScreenProbe.screens(runtime.browser, background, timer, Duration.ofSeconds(20));
        closing.add(screens);
    }

    @AfterEach
    void closeAll() throws Exception {
        onFx(() -> {
            stages.forEach(Stage::close);
            return null;
        });
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        background.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void twoCandorsMeetAndChatOnAJitsiDeployment() throws Exception {
        FakeJitsiDeployment fake = new FakeJitsiDeployment(true);
        closing.add(fake);
        LocalRoomServer signalling = new LocalRoomServer(
                LocalRoomLimits.DEFAULT.withExtraOrigins(Set.of(fake.base().toString())));
        signalling.start("127.0.0.1", 0);
        closing.add(signalling);
        fake.useSignalling(URI.create("ws://127.0.0.1:" + signalling.port() + "/ws/"));

        MeetingLink link = new MeetingLink(new MeetingServer.JitsiServer(fake.base()), "JitsiRoom");
        LiveCallScreen ana = open(link, "Ana");
        LiveCallScreen ben = open(link, "Ben");
        waitFor("both see two people", () -> count(ana) == 2 && count(ben) == 2, 40);
        assertThat(onFx(() -> ana.model().participants().stream()
                        .map(CallViewModel.Participant::name)
                        .toList()))
                .containsExactly("Ana", "Ben");

        onFx(() -> ana.model().sendChat("Hello from Candor", Optional.empty()));
        waitFor("Ben gets the chat", () -> lastChat(ben).equals("Hello from Candor"), 15);
        onFx(() -> ben.model().sendChat("</script><b>hi</b>", Optional.empty()));
        waitFor("Ana gets the chat literally", () -> lastChat(ana).equals("</script><b>hi</b>"), 15);

        onFx(() -> {
            ben.model().hangUp();
            return null;
        });
        waitFor("Ana sees Ben leave", () -> count(ana) == 1, 15);
    }

    @Test
    void aServerThatIsDownShowsTryAgainAndBack() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        MeetingLink link =
                new MeetingLink(new MeetingServer.JitsiServer(URI.create("http://127.0.0.1:" + closedPort)), "Nowhere");
        LiveCallScreen screen = open(link, "Ana");
        waitFor("the error screen", () -> onFxQuiet(() -> screen.content().lookup("#try-again")) != null, 30);
        String problem = onFx(() -> ((Label) screen.content().lookup("#call-problem")).getText());
        assertThat(problem).contains("could not be reached");
        onFx(() -> {
            ((Button) screen.content().lookup("#back")).fire();
            return null;
        });
        assertThat(leaves.get()).isEqualTo(1);
    }

    private LiveCallScreen open(MeetingLink link, String name) throws Exception {
        return onFx(() -> {
            LiveCallScreen screen = (LiveCallScreen) screens.open(link, name, leaves::incrementAndGet);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(screen.content()), 1024, 640));
            stage.show();
            stages.add(stage);
            return screen;
        });
    }
}
