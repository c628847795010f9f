package dev.candor.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.call.CallCommand;
import dev.candor.call.CallEvent;
import dev.candor.call.CallSession;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CallViewModelTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final ParticipantId ANA = new ParticipantId("ana1");
    private static final ParticipantId BEN = new ParticipantId("ben1");

    /** A meeting that records commands and lets the test play events. */
    private static final class FakeSession implements CallSession {
        final List<CallCommand> sent = new ArrayList<>();
        Consumer<CallEvent> listener = e -> {};

        @Override
        public void onEvent(Consumer<CallEvent> listener) {
            this.listener = listener;
        }

        @Override
        public void send(CallCommand command) {
            sent.add(command);
        }

        @Override
        public void close() {}

        void play(CallEvent event) {
            listener.accept(event);
        }
    }

    private final FakeSession session = new FakeSession();
    private final List<CallEvent> forwarded = new ArrayList<>();
    private final CallViewModel model = new CallViewModel(session, Runnable::run, forwarded::add);

    @Test
    void joiningListsThisPersonFirstAndOthersAsTheyCome() {
        assertThat(model.phaseProperty().get()).isEqualTo(CallViewModel.Phase.CONNECTING);
        session.play(new CallEvent.Joined(T, ANA, "Ana", "room"));
        session.play(new CallEvent.ParticipantJoined(T, BEN, "Ben"));
        assertThat(model.phaseProperty().get()).isEqualTo(CallViewModel.Phase.IN_CALL);
        assertThat(model.participants())
                .extracting(CallViewModel.Participant::name)
                .containsExactly("Ana", "Ben");
        assertThat(model.participants().get(0).self()).isTrue();

        session.play(new CallEvent.DisplayNameChanged(T, BEN, "Ben K"));
        session.play(new CallEvent.DominantSpeakerChanged(T, BEN));
        assertThat(model.participants().get(1)).isEqualTo(new CallViewModel.Participant(BEN, "Ben K", true, false));
        session.play(new CallEvent.ParticipantLeft(T, BEN));
        assertThat(model.participants()).hasSize(1);
    }

    @Test
    void chatIsSentToEveryoneOrOnePersonAndShownAsTheTextItWas() {
        session.play(new CallEvent.Joined(T, ANA, "Ana", "room"));
        session.play(new CallEvent.ParticipantJoined(T, BEN, "Ben"));
        String hostile = "<img src=x onerror=alert(1)>";
        session.play(new CallEvent.ChatReceived(T, BEN, "someone else", hostile, false));
        assertThat(model.chat().get(0).text()).isEqualTo(hostile);
        assertThat(model.chat().get(0).from())
                .as("named by the meeting's id, not the payload")
                .isEqualTo("Ben");

        assertThat(model.sendChat("  hello  ", Optional.empty())).isTrue();
        assertThat(model.sendChat("psst", Optional.of(BEN))).isTrue();
        assertThat(session.sent)
                .containsExactly(
                        new CallCommand.SendChat(Recipient.EVERYONE, "hello"),
                        new CallCommand.SendChat(Recipient.one(BEN), "psst"));
        assertThat(model.chat()).extracting(CallViewModel.ChatLine::mine).containsExactly(false, true, true);
        assertThat(model.chat().get(2).privateMessage()).isTrue();
    }

    @Test
    void blankOverlongOrEarlyChatIsNotSent() {
        assertThat(model.sendChat("too early", Optional.empty())).isFalse();
        session.play(new CallEvent.Joined(T, ANA, "Ana", "room"));
        assertThat(model.sendChat("   ", Optional.empty())).isFalse();
        assertThat(model.sendChat("x".repeat(CallViewModel.MAX_CHAT_CHARS + 1), Optional.empty()))
                .isFalse();
        assertThat(session.sent).isEmpty();
        assertThat(model.chat()).isEmpty();
    }

    @Test
    void aFailureKeepsTheMeetingsOwnWordsAndMarksADroppedCall() {
        session.play(new CallEvent.Joined(T, ANA, "Ana", "room"));
        session.play(new CallEvent.Failed(T, "server-unreachable", "The Jitsi server could not be reached."));
        session.play(new CallEvent.ConnectionChanged(T, CallEvent.ConnectionState.FAILED, "detail"));
        assertThat(model.phaseProperty().get()).isEqualTo(CallViewModel.Phase.FAILED);
        assertThat(model.problemProperty().get()).isEqualTo("The Jitsi server could not be reached.");
        assertThat(model.joinedOnceProperty().get()).isTrue();
        session.play(new CallEvent.Left(T, "dropped"));
        assertThat(model.phaseProperty().get())
                .as("a failure is not overwritten by the end")
                .isEqualTo(CallViewModel.Phase.FAILED);
    }

    @Test
    void muteStateFollowsTheMeetingAndCommandsGoToIt() {
        session.play(new CallEvent.Joined(T, ANA, "Ana", "room"));
        model.toggleAudio();
        model.toggleVideo();
        session.play(new CallEvent.MuteChanged(T, true, true));
        assertThat(model.audioMutedProperty().get()).isTrue();
        assertThat(model.videoMutedProperty().get()).isTrue();
        model.hangUp();
        session.play(new CallEvent.ReadyToClose(T));
        assertThat(model.phaseProperty().get()).isEqualTo(CallViewModel.Phase.ENDED);
        assertThat(session.sent)
                .containsExactly(
                        new CallCommand.ToggleAudio(), new CallCommand.ToggleVideo(), new CallCommand.HangUp());
    }

    @Test
    void everyEventAlsoReachesTheOtherListenersAndNoneAfterClose() {
        session.play(new CallEvent.EndpointMessageReceived(T, BEN, "{\"candor\":1}"));
        assertThat(forwarded).hasSize(1);
        model.close();
        session.play(new CallEvent.ParticipantJoined(T, BEN, "Ben"));
        assertThat(forwarded).hasSize(1);
        assertThat(model.participants()).isEmpty();
    }
}
