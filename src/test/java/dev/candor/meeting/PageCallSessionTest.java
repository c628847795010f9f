package dev.candor.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.call.CallCommand;
import dev.candor.call.CallEvent;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageCallSessionTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final FakeChannel channel = new FakeChannel();
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private PageCallSession session(Duration timeout) {
        PageCallSession s = new PageCallSession(channel, Clock.fixed(T, ZoneOffset.UTC), timer, timeout);
        s.onEvent(events::add);
        return s;
    }

    private static final class FakeChannel implements PageChannel {
        final List<PageMessage> sent = new ArrayList<>();
        Consumer<PageMessage> receiver;

        @Override
        public void send(PageMessage message) {
            sent.add(message);
        }

        @Override
        public void onMessage(Consumer<PageMessage> receiver) {
            this.receiver = receiver;
        }

        void page(String json) {
            receiver.accept(PageMessage.fromJson(json));
        }
    }

    @Test
    void pageEventsBecomeCallEventsInOrder() {
        session(Duration.ofMinutes(1));
        channel.page(
                "{\"v\":1,\"type\":\"videoConferenceJoined\",\"payload\":{\"id\":\"a1\",\"displayName\":\"Ana\",\"roomName\":\"r\"}}");
        channel.page("{\"v\":1,\"type\":\"participantJoined\",\"payload\":{\"id\":\"b2\",\"displayName\":\"Bo\"}}");
        channel.page(
                "{\"v\":1,\"type\":\"incomingMessage\",\"payload\":{\"from\":\"b2\",\"nick\":\"Bo\",\"message\":\"hi\",\"privateMessage\":true}}");
        channel.page(
                "{\"v\":1,\"type\":\"endpointTextMessageReceived\",\"payload\":{\"from\":\"b2\",\"text\":\"{}\"}}");
        channel.page("{\"v\":1,\"type\":\"displayNameChange\",\"payload\":{\"id\":\"b2\",\"displayName\":\"Bo K\"}}");
        channel.page("{\"v\":1,\"type\":\"dominantSpeakerChanged\",\"payload\":{\"id\":\"b2\"}}");
        channel.page("{\"v\":1,\"type\":\"audioMuteStatusChanged\",\"payload\":{\"muted\":true}}");
        channel.page("{\"v\":1,\"type\":\"videoMuteStatusChanged\",\"payload\":{\"muted\":true}}");
        channel.page("{\"v\":1,\"type\":\"participantLeft\",\"payload\":{\"id\":\"b2\"}}");
        channel.page("{\"v\":1,\"type\":\"videoConferenceLeft\",\"payload\":{\"roomName\":\"r\"}}");
        channel.page("{\"v\":1,\"type\":\"readyToClose\",\"payload\":{}}");

        ParticipantId bo = new ParticipantId("b2");
        assertThat(events)
                .containsExactly(
                        new CallEvent.ConnectionChanged(T, CallEvent.ConnectionState.CONNECTED, ""),
                        new CallEvent.Joined(T, new ParticipantId("a1"), "Ana", "r"),
                        new CallEvent.ParticipantJoined(T, bo, "Bo"),
                        new CallEvent.ChatReceived(T, bo, "Bo", "hi", true),
                        new CallEvent.EndpointMessageReceived(T, bo, "{}"),
                        new CallEvent.DisplayNameChanged(T, bo, "Bo K"),
                        new CallEvent.DominantSpeakerChanged(T, bo),
                        new CallEvent.MuteChanged(T, true, false),
                        new CallEvent.MuteChanged(T, true, true),
                        new CallEvent.ParticipantLeft(T, bo),
                        new CallEvent.Left(T, "left"),
                        new CallEvent.ConnectionChanged(T, CallEvent.ConnectionState.CLOSED, ""),
                        new CallEvent.ReadyToClose(T));
    }

    @Test
    void malformedPageMessagesAreDroppedAndTheCallGoesOn() {
        session(Duration.ofMinutes(1));
        channel.page("{\"v\":1,\"type\":\"incomingMessage\",\"payload\":{\"from\":\"\",\"message\":\"x\"}}");
        channel.page("{\"v\":1,\"type\":\"incomingMessage\",\"payload\":{\"from\":\"b2\",\"message\":42}}");
        channel.page("{\"v\":1,\"type\":\"participantJoined\",\"payload\":{\"displayName\":\"no id\"}}");
        channel.page("{\"v\":1,\"type\":\"audioMuteStatusChanged\",\"payload\":{\"muted\":\"yes\"}}");
        channel.page("{\"v\":1,\"type\":\"somethingNew\",\"payload\":{}}");
        channel.page("{\"v\":1,\"type\":\"participantJoined\",\"payload\":{\"id\":\"b2\",\"displayName\":\"Bo\"}}");

        assertThat(events).containsExactly(new CallEvent.ParticipantJoined(T, new ParticipantId("b2"), "Bo"));
    }

    @Test
    void theWireFormIsStrict() {
        assertThatThrownBy(() -> PageMessage.fromJson("{\"v\":2,\"type\":\"x\",\"payload\":{}}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageMessage.fromJson("{\"v\":1,\"type\":\"<script>\",\"payload\":{}}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageMessage.fromJson("{\"v\":1,\"type\":\"x\",\"payload\":[1]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageMessage.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageMessage.fromJson("\"" + "x".repeat(PageMessage.MAX_WIRE_CHARS) + "\""))
                .isInstanceOf(IllegalArgumentException.class);
        PageMessage m = PageMessage.fromJson("{\"v\":1,\"type\":\"hangup\"}");
        assertThat(PageMessage.fromJson(m.toJson())).isEqualTo(m);
    }

    @Test
    void commandsBecomeIframeApiCommandsWithAnEmptyIdForEveryone() {
        PageCallSession s = session(Duration.ofMinutes(1));
        s.send(new CallCommand.SendChat(Recipient.EVERYONE, "hello"));
        s.send(new CallCommand.SendChat(Recipient.one(new ParticipantId("b2")), "psst"));
        s.send(new CallCommand.SendEndpointMessage(Recipient.EVERYONE, "{}"));
        s.send(new CallCommand.SetDisplayName("Ana B"));
        s.send(new CallCommand.ToggleAudio());
        s.send(new CallCommand.ToggleVideo());
        s.send(new CallCommand.HangUp());

        assertThat(channel.sent)
                .extracting(PageMessage::toJson)
                .containsExactly(
                        "{\"v\":1,\"type\":\"sendChatMessage\",\"payload\":{\"message\":\"hello\",\"to\":\"\"}}",
                        "{\"v\":1,\"type\":\"sendChatMessage\",\"payload\":{\"message\":\"psst\",\"to\":\"b2\"}}",
                        "{\"v\":1,\"type\":\"sendEndpointTextMessage\",\"payload\":{\"to\":\"\",\"text\":\"{}\"}}",
                        "{\"v\":1,\"type\":\"displayName\",\"payload\":{\"displayName\":\"Ana B\"}}",
                        "{\"v\":1,\"type\":\"toggleAudio\",\"payload\":{}}",
                        "{\"v\":1,\"type\":\"toggleVideo\",\"payload\":{}}",
                        "{\"v\":1,\"type\":\"hangup\",\"payload\":{}}");
    }

    @Test
    void noJoinWithinTheTimeoutIsAFailureWithSomethingToDo() throws Exception {
        session(Duration.ofMillis(50));
        long end = System.nanoTime() + 5_000_000_000L;
        while (events.size() < 2 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(events).hasSize(2);
        CallEvent.Failed failed = (CallEvent.Failed) events.get(0);
        assertThat(failed.code()).isEqualTo(PageCallSession.JOIN_TIMEOUT);
        assertThat(failed.message()).isNotBlank();
        assertThat(events.get(1))
                .isEqualTo(new CallEvent.ConnectionChanged(
                        T, CallEvent.ConnectionState.FAILED, PageCallSession.JOIN_TIMEOUT));
    }

    @Test
    void aLoadFailureIsReportedOnceAndTheTimeoutDoesNotAddAnother() throws Exception {
        session(Duration.ofMillis(100));
        channel.page("{\"v\":1,\"type\":\"loadFailed\",\"payload\":{\"reason\":\"notMeetingServer\"}}");
        Thread.sleep(300);
        assertThat(events).hasSize(2);
        assertThat(((CallEvent.Failed) events.get(0)).code()).isEqualTo(PageCallSession.NOT_A_MEETING_SERVER);
    }

    @Test
    void aFatalPageErrorFailsTheCallAndANonFatalOneDoesNot() {
        session(Duration.ofMinutes(1));
        channel.page(
                "{\"v\":1,\"type\":\"errorOccurred\",\"payload\":{\"name\":\"media-unavailable\",\"message\":\"No camera\",\"isFatal\":false}}");
        channel.page(
                "{\"v\":1,\"type\":\"errorOccurred\",\"payload\":{\"name\":\"room-full\",\"message\":\"Full\",\"isFatal\":true}}");

        assertThat(events)
                .containsExactly(
                        new CallEvent.Failed(T, "media-unavailable", "No camera"),
                        new CallEvent.Failed(T, "room-full", "Full"),
                        new CallEvent.ConnectionChanged(T, CallEvent.ConnectionState.FAILED, "room-full"));
    }

    @Test
    void closingAJoinedCallHangsUpAndSilencesTheListener() {
        PageCallSession s = session(Duration.ofMinutes(1));
        channel.page(
                "{\"v\":1,\"type\":\"videoConferenceJoined\",\"payload\":{\"id\":\"a1\",\"displayName\":\"Ana\",\"roomName\":\"r\"}}");
        s.close();
        channel.page("{\"v\":1,\"type\":\"participantJoined\",\"payload\":{\"id\":\"b2\",\"displayName\":\"Bo\"}}");

        assertThat(channel.sent).extracting(PageMessage::type).containsExactly("hangup");
        assertThat(events).hasSize(2);
        ObjectNode unused = PageMessage.newPayload();
        assertThat(unused).isEmpty();
    }
}
