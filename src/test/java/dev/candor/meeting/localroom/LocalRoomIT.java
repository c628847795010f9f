package dev.candor.meeting.localroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.call.CallCommand;
import dev.candor.call.CallEvent;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import dev.candor.meeting.testing.CdpPage;
import dev.candor.meeting.testing.CdpPageChannel;
import dev.candor.meeting.testing.HeadlessChromium;
import dev.candor.meeting.testing.SignalClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Candor (a Chromium tab bridged to a {@link LocalRoomCallSession}) and a person in a plain browser
 * (a second tab, driven through its own UI) meet in a local room on 127.0.0.1.
 */
class LocalRoomIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static HeadlessChromium chromium;
    private static ScheduledExecutorService timer;
    private LocalRoomServer server;
    private final List<CdpPage> pages = new ArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        chromium = HeadlessChromium.launch();
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void quit() {
        chromium.close();
        timer.shutdownNow();
    }

    @BeforeEach
    void start() throws Exception {
        server = new LocalRoomServer();
        server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        pages.forEach(CdpPage::close);
        server.stop();
    }

    private CdpPage page() {
        CdpPage p = chromium.newPage();
        pages.add(p);
        return p;
    }

    @Test
    void candorAndAPlainBrowserTalkInALocalRoom() throws Exception {
        CdpPage candorTab = page();
        CdpPageChannel channel = new CdpPageChannel(candorTab);
        BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
        List<CallEvent> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LocalRoomCallSession session =
                new LocalRoomCallSession(channel, Clock.systemUTC(), timer, Duration.ofSeconds(20))) {
            session.onEvent(e -> {
                all.add(e);
                events.add(e);
            });
            candorTab.navigate(server.url("it-room", "Ana"));
            CallEvent.Joined joined = next(events, CallEvent.Joined.class, e -> true);
            assertThat(joined.displayName()).isEqualTo("Ana");
            assertThat(joined.roomName()).isEqualTo("it-room");
            String ana = joined.self().value();

            // Bo has no Candor: he opens the link, types his name and joins.
            CdpPage bo = page();
            bo.navigate(server.url("it-room"));
            bo.await("document.getElementById('join-form') && !document.getElementById('join-form').hidden", WAIT);
            bo.evaluate("window.__got = []; addEventListener('candor:event', e => __got.push(e.detail)); true");
            bo.evaluate("document.getElementById('name-input').value = 'Bo';"
                    + "document.getElementById('join-form').requestSubmit(); true");
            CallEvent.ParticipantJoined boJoined = next(events, CallEvent.ParticipantJoined.class, e -> true);
            assertThat(boJoined.displayName()).isEqualTo("Bo");
            String boId = boJoined.id().value();
            bo.await("document.querySelector('#participants li').textContent.includes('Ana')", WAIT);

            // WebRTC connected both ways: each side decodes the other's video.
            bo.await(videoOf(ana) + ".videoWidth > 0", WAIT);
            candorTab.await(videoOf(boId) + ".videoWidth > 0", WAIT);

            // Chromium's fake microphones beep: one of the two becomes the dominant speaker.
            CallEvent.DominantSpeakerChanged speaker = next(events, CallEvent.DominantSpeakerChanged.class, e -> true);
            assertThat(speaker.id().value()).isIn(ana, boId);

            // Chat to everyone, both ways; hostile markup stays text.
            session.send(new CallCommand.SendChat(Recipient.EVERYONE, "Hello Bo"));
            bo.await(chatContains("Hello Bo"), WAIT);
            String xss = "<img src=x onerror=alert(1)>";
            bo.evaluate("document.getElementById('chat-input').value = " + js(xss) + ";"
                    + "document.getElementById('chat-form').requestSubmit(); true");
            CallEvent.ChatReceived fromBo = next(events, CallEvent.ChatReceived.class, e -> true);
            assertThat(fromBo.from().value()).isEqualTo(boId);
            assertThat(fromBo.text()).isEqualTo(xss);
            assertThat(fromBo.privateMessage()).isFalse();
            candorTab.await(chatContains(xss), WAIT);
            assertThat(candorTab
                            .evaluate("document.querySelectorAll('#chat-log img').length")
                            .asInt())
                    .isZero();
            assertThat(bo.evaluate("document.querySelectorAll('#chat-log img').length")
                            .asInt())
                    .isZero();

            // Private chat, both ways.
            session.send(new CallCommand.SendChat(Recipient.one(new ParticipantId(boId)), "just for you"));
            bo.await(
                    "[...document.querySelectorAll('#chat-log li.private')].some(li => li.textContent.includes('just for you'))",
                    WAIT);
            bo.evaluate("document.getElementById('chat-to').value = " + js(ana) + ";"
                    + "document.getElementById('chat-input').value = 'psst Ana';"
                    + "document.getElementById('chat-form').requestSubmit(); true");
            CallEvent.ChatReceived privateFromBo = next(events, CallEvent.ChatReceived.class, e -> true);
            assertThat(privateFromBo.text()).isEqualTo("psst Ana");
            assertThat(privateFromBo.privateMessage()).isTrue();

            // Endpoint messages, both ways, attributed to the sender's server-assigned id.
            session.send(new CallCommand.SendEndpointMessage(Recipient.EVERYONE, "{\"candor\":\"notice\"}"));
            bo.await(
                    "__got.some(d => d.type === 'endpointTextMessageReceived' && d.payload.from === " + js(ana)
                            + " && d.payload.text === '{\"candor\":\"notice\"}')",
                    WAIT);
            bo.evaluate("dispatchEvent(new CustomEvent('candor:command', {detail: {type: 'sendEndpointTextMessage',"
                    + " payload: {to: " + js(ana) + ", text: 'objection'}}})); true");
            CallEvent.EndpointMessageReceived endpoint =
                    next(events, CallEvent.EndpointMessageReceived.class, e -> true);
            assertThat(endpoint.from().value()).isEqualTo(boId);
            assertThat(endpoint.text()).isEqualTo("objection");

            // Mute and rename are seen by the other side.
            session.send(new CallCommand.ToggleAudio());
            CallEvent.MuteChanged mute = next(events, CallEvent.MuteChanged.class, e -> true);
            assertThat(mute.audioMuted()).isTrue();
            assertThat(mute.videoMuted()).isFalse();
            session.send(new CallCommand.SetDisplayName("Ana B"));
            bo.await("document.querySelector('#participants li').textContent.includes('Ana B')", WAIT);
            bo.evaluate("document.getElementById('rename-input').value = 'Bo K';"
                    + "document.getElementById('rename-form').requestSubmit(); true");
            CallEvent.DisplayNameChanged renamed = next(events, CallEvent.DisplayNameChanged.class, e -> e.id().value()
                    .equals(boId));
            assertThat(renamed.id().value()).isEqualTo(boId);
            assertThat(renamed.displayName()).isEqualTo("Bo K");

            // Bo leaves; then Candor hangs up.
            bo.evaluate("document.getElementById('hangup').click(); true");
            assertThat(next(events, CallEvent.ParticipantLeft.class, e -> true)
                            .id()
                            .value())
                    .isEqualTo(boId);
            session.send(new CallCommand.HangUp());
            next(events, CallEvent.Left.class, e -> true);
            next(events, CallEvent.ReadyToClose.class, e -> true);
        } finally {
            channel.close();
        }
    }

    @Test
    void aBridgeAttachedAfterLoadStillGetsEverythingInOrder() throws Exception {
        CdpPage tab = page();
        CdpPageChannel channel = new CdpPageChannel(tab, false);
        BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
        try (LocalRoomCallSession session =
                new LocalRoomCallSession(channel, Clock.systemUTC(), timer, Duration.ofSeconds(20))) {
            session.onEvent(events::add);
            tab.navigate(server.url("late-bridge", "Ana"));
            tab.await("document.getElementById('status').textContent === 'In the room'", WAIT);
            assertThat(events).isEmpty();

            channel.injectNow();
            CallEvent.Joined joined = next(events, CallEvent.Joined.class, e -> true);
            assertThat(joined.displayName()).isEqualTo("Ana");
            session.send(new CallCommand.ToggleAudio());
            assertThat(next(events, CallEvent.MuteChanged.class, e -> true).audioMuted())
                    .isTrue();
        } finally {
            channel.close();
        }
    }

    @Test
    void theSeventhPersonSeesThatTheRoomIsFull() throws Exception {
        List<SignalClient> six = new ArrayList<>();
        try {
            for (int i = 1; i <= 6; i++) {
                six.add(SignalClient.join(
                        java.net.URI.create("ws://127.0.0.1:" + server.port() + "/ws/full-room"), "P" + i));
            }
            CdpPage seventh = page();
            seventh.navigate(server.url("full-room", "Seven"));
            seventh.await(
                    "!document.getElementById('error').hidden"
                            + " && document.getElementById('error').textContent.includes('full')",
                    WAIT);
            assertThat(server.participants("full-room")).isEqualTo(6);
        } finally {
            six.forEach(SignalClient::close);
        }
    }

    private static String videoOf(String id) {
        return "document.querySelector('figure[data-peer=\"" + id + "\"] video')";
    }

    private static String chatContains(String text) {
        return "[...document.querySelectorAll('#chat-log .text')].some(s => s.textContent === " + js(text) + ")";
    }

    private static String js(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next event of a type matching a condition; other events are skipped. */
    static <T extends CallEvent> T next(BlockingQueue<CallEvent> events, Class<T> type, Predicate<T> match)
            throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        List<CallEvent> skipped = new ArrayList<>();
        while (System.nanoTime() < end) {
            CallEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e == null) {
                continue;
            }
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
            skipped.add(e);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; saw " + skipped);
    }
}
