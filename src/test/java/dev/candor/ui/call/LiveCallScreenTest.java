package dev.candor.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.call.CallCommand;
import dev.candor.call.CallEvent;
import dev.candor.call.CallSession;
import dev.candor.call.ParticipantId;
import dev.candor.ui.UiParts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Connection attempts of one meeting on the call screen: rejoin, Try again, Back, the end. */
class LiveCallScreenTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private final List<FakeSession> sessions = new ArrayList<>();
    private final AtomicInteger leaves = new AtomicInteger();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static final class FakeSession implements CallSession {
        Consumer<CallEvent> listener = e -> {};
        final List<CallCommand> sent = new ArrayList<>();
        boolean closed;

        @Override
        public void onEvent(Consumer<CallEvent> listener) {
            this.listener = listener;
        }

        @Override
        public void send(CallCommand command) {
            sent.add(command);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private LiveCallScreen screen(boolean failToConnect) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new LiveCallScreen(
                        () -> {
                            if (failToConnect) {
                                return CompletableFuture.failedFuture(
                                        new IllegalStateException("The local room server could not be reached."));
                            }
                            FakeSession s = new FakeSession();
                            sessions.add(s);
                            return CompletableFuture.completedFuture(
                                    new LiveCallScreen.Connection(s, new Pane(), () -> {}, "http://127.0.0.1/r/x"));
                        },
                        leaves::incrementAndGet,
                        UiParts.texts(),
                        Platform::runLater,
                        Duration.millis(10)))
                .get();
    }

    private static void play(FakeSession s, CallEvent e) {
        s.listener.accept(e);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void drop(FakeSession s) {
        play(s, new CallEvent.Joined(T, new ParticipantId("me"), "Ana", "x"));
        play(s, new CallEvent.ConnectionChanged(T, CallEvent.ConnectionState.FAILED, "connection lost"));
    }

    @Test
    void aDroppedCallIsRejoinedAFewTimesThenOffersTryAgainAndBack() throws Exception {
        LiveCallScreen screen = screen(false);
        WaitForAsyncUtils.waitForFxEvents();
        for (int drop = 0; drop < LiveCallScreen.AUTO_REJOINS; drop++) {
            drop(sessions.get(sessions.size() - 1));
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(sessions).hasSize(1 + LiveCallScreen.AUTO_REJOINS);
        assertThat(sessions.subList(0, LiveCallScreen.AUTO_REJOINS)).allMatch(s -> s.closed);

        drop(sessions.get(sessions.size() - 1));
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessions).as("no more automatic rejoins").hasSize(1 + LiveCallScreen.AUTO_REJOINS);
        Button again = (Button) screen.content().lookup("#try-again");
        assertThat(again).isNotNull();
        WaitForAsyncUtils.asyncFx(again::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessions).hasSize(2 + LiveCallScreen.AUTO_REJOINS);
        assertThat(screen.shareLink()).contains("http://127.0.0.1/r/x");
    }

    @Test
    void aMeetingThatCannotOpenSaysWhyAndBackLeaves() throws Exception {
        LiveCallScreen screen = screen(true);
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = (Label) screen.content().lookup("#call-problem");
        assertThat(problem.getText()).isEqualTo("The local room server could not be reached.");
        WaitForAsyncUtils.asyncFx(((Button) screen.content().lookup("#back"))::fire)
                .get();
        assertThat(leaves.get()).isEqualTo(1);
    }

    @Test
    void theEndOfTheCallReturnsToTheJoinScreenAndCloseClosesTheSession() throws Exception {
        LiveCallScreen screen = screen(false);
        WaitForAsyncUtils.waitForFxEvents();
        FakeSession s = sessions.get(0);
        play(s, new CallEvent.Joined(T, new ParticipantId("me"), "Ana", "x"));
        play(s, new CallEvent.ReadyToClose(T));
        assertThat(leaves.get()).isEqualTo(1);
        WaitForAsyncUtils.asyncFx(screen::close).get();
        assertThat(s.closed).isTrue();
    }
}
