package dev.candor.meeting.jitsi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.call.CallCommand;
import dev.candor.call.CallEvent;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import dev.candor.meeting.PageCallSession;
import dev.candor.meeting.localroom.LocalRoomLimits;
import dev.candor.meeting.localroom.LocalRoomServer;
import dev.candor.meeting.testing.CdpPage;
import dev.candor.meeting.testing.CdpPageChannel;
import dev.candor.meeting.testing.HeadlessChromium;
import dev.candor.meeting.testing.SignalClient;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jitsi host page and bridge, end to end in headless Chromium, against a fake Jitsi deployment
 * on 127.0.0.1 whose meeting runs on the local room's signalling. The other participant ("Bo")
 * is a plain signalling client, i.e. a second fake-Jitsi participant without a browser.
 */
class JitsiMeetIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static HeadlessChromium chromium;
    private static ScheduledExecutorService timer;
    private static JitsiHostPageServer host;
    private LocalRoomServer signalling;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        chromium = HeadlessChromium.launch();
        timer = Executors.newSingleThreadScheduledExecutor();
        host = new JitsiHostPageServer();
        host.start();
    }

    @AfterAll
    static void quit() {
        chromium.close();
        timer.shutdownNow();
        host.stop();
    }

    @BeforeEach
    void start() {
        signalling = null;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (signalling != null) {
            signalling.stop();
        }
    }

    /** A fake deployment whose meeting runs on a fresh local room server that admits its pages. */
    private FakeJitsiDeployment deployment(boolean withExternalApi) throws Exception {
        FakeJitsiDeployment fake = new FakeJitsiDeployment(withExternalApi);
        closing.add(fake);
        signalling = new LocalRoomServer(
                LocalRoomLimits.DEFAULT.withExtraOrigins(Set.of(fake.base().toString())));
        signalling.start("127.0.0.1", 0);
        fake.useSignalling(URI.create("ws://127.0.0.1:" + signalling.port() + "/ws/"));
        return fake;
    }

    private record Call(JitsiMeetCallSession session, BlockingQueue<CallEvent> events, CdpPage tab) {}

    private Call open(URI deployment, Duration joinTimeout) {
        return open(deployment, joinTimeout, "Ana");
    }

    private Call open(URI deployment, Duration joinTimeout, String name) {
        CdpPage tab = chromium.newPage();
        CdpPageChannel channel = new CdpPageChannel(tab);
        BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
        JitsiMeetCallSession session = new JitsiMeetCallSession(channel, Clock.systemUTC(), timer, joinTimeout);
        session.onEvent(events::add);
        closing.add(tab::close);
        closing.add(channel);
        closing.add(session);
        tab.navigate(host.url(new JitsiMeeting(deployment, ROOM, name)));
        return new Call(session, events, tab);
    }

    private static final String ROOM = "weekly-sync";

    @Test
    void eventsComeInAndCommandsGoOutThroughTheHostPage() throws Exception {
        FakeJitsiDeployment fake = deployment(true);
        Call call = open(fake.base(), Duration.ofSeconds(20));
        BlockingQueue<CallEvent> events = call.events();
        JitsiMeetCallSession session = call.session();

        CallEvent.Joined joined = next(events, CallEvent.Joined.class);
        assertThat(joined.displayName()).isEqualTo("Ana");
        assertThat(joined.roomName()).isEqualTo(ROOM);
        String ana = joined.self().value();

        // Bo, a second participant of the fake deployment, joins.
        SignalClient bo = SignalClient.join(URI.create("ws://127.0.0.1:" + signalling.port() + "/ws/" + ROOM), "Bo");
        closing.add(bo);
        CallEvent.ParticipantJoined boJoined = next(events, CallEvent.ParticipantJoined.class);
        assertThat(boJoined.id().value()).isEqualTo(bo.id());
        assertThat(boJoined.displayName()).isEqualTo("Bo");

        // Chat in, to everyone and privately; the fake reports the writer as dominant speaker.
        bo.send("{\"type\":\"chat\",\"text\":\"<b>hi</b> Ana\"}");
        CallEvent.ChatReceived chat = next(events, CallEvent.ChatReceived.class);
        assertThat(chat.from().value()).isEqualTo(bo.id());
        assertThat(chat.fromName()).isEqualTo("Bo");
        assertThat(chat.text()).isEqualTo("<b>hi</b> Ana");
        assertThat(chat.privateMessage()).isFalse();
        assertThat(next(events, CallEvent.DominantSpeakerChanged.class).id().value())
                .isEqualTo(bo.id());
        bo.send("{\"type\":\"chat\",\"to\":\"" + ana + "\",\"text\":\"only you\"}");
        assertThat(next(events, CallEvent.ChatReceived.class).privateMessage()).isTrue();

        // Chat out: to everyone (empty recipient id) and to Bo only.
        session.send(new CallCommand.SendChat(Recipient.EVERYONE, "hello all"));
        JsonNode out = bo.next("chat");
        assertThat(out.path("from").asText()).isEqualTo(ana);
        assertThat(out.path("text").asText()).isEqualTo("hello all");
        assertThat(out.path("private").asBoolean()).isFalse();
        session.send(new CallCommand.SendChat(Recipient.one(new ParticipantId(bo.id())), "just Bo"));
        JsonNode privateOut = bo.next("chat");
        assertThat(privateOut.path("text").asText()).isEqualTo("just Bo");
        assertThat(privateOut.path("private").asBoolean()).isTrue();

        // Endpoint messages, both ways.
        session.send(new CallCommand.SendEndpointMessage(Recipient.EVERYONE, "{\"candor\":1}"));
        JsonNode endpointOut = bo.next("endpoint");
        assertThat(endpointOut.path("from").asText()).isEqualTo(ana);
        assertThat(endpointOut.path("text").asText()).isEqualTo("{\"candor\":1}");
        bo.send("{\"type\":\"endpoint\",\"to\":\"" + ana + "\",\"text\":\"objection\"}");
        CallEvent.EndpointMessageReceived endpointIn = next(events, CallEvent.EndpointMessageReceived.class);
        assertThat(endpointIn.from().value()).isEqualTo(bo.id());
        assertThat(endpointIn.text()).isEqualTo("objection");

        // Names and mute.
        bo.send("{\"type\":\"name\",\"name\":\"Bo K\"}");
        CallEvent.DisplayNameChanged renamed = next(events, CallEvent.DisplayNameChanged.class);
        assertThat(renamed.id().value()).isEqualTo(bo.id());
        assertThat(renamed.displayName()).isEqualTo("Bo K");
        session.send(new CallCommand.SetDisplayName("Ana B"));
        assertThat(bo.next("name").path("name").asText()).isEqualTo("Ana B");
        session.send(new CallCommand.ToggleVideo());
        CallEvent.MuteChanged mute = next(events, CallEvent.MuteChanged.class);
        assertThat(mute.videoMuted()).isTrue();
        assertThat(mute.audioMuted()).isFalse();
        assertThat(bo.next("mute").path("video").asBoolean()).isTrue();

        // Bo leaves, then Candor hangs up.
        bo.send("{\"type\":\"leave\"}");
        assertThat(next(events, CallEvent.ParticipantLeft.class).id().value()).isEqualTo(bo.id());
        session.send(new CallCommand.HangUp());
        next(events, CallEvent.Left.class);
        next(events, CallEvent.ReadyToClose.class);
    }

    @Test
    void twoCandorsTalkThroughTheFakeDeployment() throws Exception {
        FakeJitsiDeployment fake = deployment(true);
        Call ana = open(fake.base(), Duration.ofSeconds(20), "Ana");
        String anaId = next(ana.events(), CallEvent.Joined.class).self().value();
        Call bo = open(fake.base(), Duration.ofSeconds(20), "Bo");
        String boId = next(bo.events(), CallEvent.Joined.class).self().value();
        assertThat(next(bo.events(), CallEvent.ParticipantJoined.class).id().value())
                .isEqualTo(anaId);
        assertThat(next(ana.events(), CallEvent.ParticipantJoined.class).id().value())
                .isEqualTo(boId);

        ana.session().send(new CallCommand.SendChat(Recipient.one(new ParticipantId(boId)), "hi Bo"));
        CallEvent.ChatReceived chat = next(bo.events(), CallEvent.ChatReceived.class);
        assertThat(chat.from().value()).isEqualTo(anaId);
        assertThat(chat.fromName()).isEqualTo("Ana");
        assertThat(chat.privateMessage()).isTrue();
        bo.session().send(new CallCommand.SendEndpointMessage(Recipient.EVERYONE, "{\"ack\":true}"));
        CallEvent.EndpointMessageReceived endpoint = next(ana.events(), CallEvent.EndpointMessageReceived.class);
        assertThat(endpoint.from().value()).isEqualTo(boId);
        assertThat(endpoint.text()).isEqualTo("{\"ack\":true}");

        bo.session().send(new CallCommand.HangUp());
        next(bo.events(), CallEvent.ReadyToClose.class);
        assertThat(next(ana.events(), CallEvent.ParticipantLeft.class).id().value())
                .isEqualTo(boId);
    }

    @Test
    void aServerWithoutExternalApiIsReportedAsNotAJitsiServer() throws Exception {
        FakeJitsiDeployment fake = deployment(false);
        Call call = open(fake.base(), Duration.ofSeconds(20));

        CallEvent.Failed failed = next(call.events(), CallEvent.Failed.class);
        assertThat(failed.code()).isEqualTo(PageCallSession.NOT_A_MEETING_SERVER);
        assertThat(failed.message()).contains("not a Jitsi Meet server");
        assertThat(next(call.events(), CallEvent.ConnectionChanged.class).state())
                .isEqualTo(CallEvent.ConnectionState.FAILED);
    }

    @Test
    void aServerThatIsDownIsReportedAsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Call call = open(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(20));

        CallEvent.Failed failed = next(call.events(), CallEvent.Failed.class);
        assertThat(failed.code()).isEqualTo(PageCallSession.SERVER_UNREACHABLE);
        assertThat(failed.message()).contains("could not be reached");
    }

    @Test
    void aMeetingThatNeverLetsUsInTimesOut() throws Exception {
        // The fake deployment loads, but its meeting never lets anybody in.
        FakeJitsiDeployment fake = deployment(true);
        fake.useSignalling(null);
        Call call = open(fake.base(), Duration.ofSeconds(3));

        CallEvent.Failed failed = next(call.events(), CallEvent.Failed.class);
        assertThat(failed.code()).isEqualTo(PageCallSession.JOIN_TIMEOUT);
        assertThat(failed.message()).contains("did not let you into the meeting");
    }

    private static <T extends CallEvent> T next(BlockingQueue<CallEvent> events, Class<T> type)
            throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        List<CallEvent> skipped = new ArrayList<>();
        while (System.nanoTime() < end) {
            CallEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
            if (e != null) {
                skipped.add(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; saw " + skipped);
    }
}
