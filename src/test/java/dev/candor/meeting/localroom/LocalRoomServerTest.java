package dev.candor.meeting.localroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.meeting.testing.SignalClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalRoomServerTest {
    private LocalRoomServer server;
    private final List<SignalClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new LocalRoomServer(LocalRoomLimits.DEFAULT);
        server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        clients.forEach(SignalClient::close);
        server.stop();
    }

    private URI ws(String room) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws/" + room);
    }

    private SignalClient join(String room, String name) throws Exception {
        SignalClient c = SignalClient.join(ws(room), name);
        clients.add(c);
        return c;
    }

    private SignalClient connect(String room) {
        SignalClient c = SignalClient.connect(ws(room));
        clients.add(c);
        return c;
    }

    @Test
    void joiningGivesAServerAssignedIdAndTellsTheOthers() throws Exception {
        SignalClient ana = join("standup", "Ana");
        SignalClient bo = join("standup", "Bo");

        assertThat(ana.id()).matches("[0-9a-f]{8}").isNotEqualTo(bo.id());
        assertThat(bo.welcome.path("participants")).hasSize(1);
        assertThat(bo.welcome.path("participants").get(0).path("id").asText()).isEqualTo(ana.id());
        assertThat(bo.welcome.path("participants").get(0).path("name").asText()).isEqualTo("Ana");
        JsonNode joined = ana.next("joined");
        assertThat(joined.path("id").asText()).isEqualTo(bo.id());
        assertThat(joined.path("name").asText()).isEqualTo("Bo");
        assertThat(server.participants("standup")).isEqualTo(2);
    }

    @Test
    void chatAndSignalsAreRelayedWithTheSendersServerAssignedId() throws Exception {
        SignalClient ana = join("standup", "Ana");
        SignalClient bo = join("standup", "Bo");
        ana.next("joined");

        bo.send("{\"type\":\"chat\",\"text\":\"hello all\"}");
        JsonNode chat = ana.next("chat");
        assertThat(chat.path("from").asText()).isEqualTo(bo.id());
        assertThat(chat.path("name").asText()).isEqualTo("Bo");
        assertThat(chat.path("text").asText()).isEqualTo("hello all");
        assertThat(chat.path("private").asBoolean()).isFalse();

        ana.send("{\"type\":\"signal\",\"to\":\"" + bo.id()
                + "\",\"data\":{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}}");
        JsonNode signal = bo.next("signal");
        assertThat(signal.path("from").asText()).isEqualTo(ana.id());
        assertThat(signal.path("data").path("sdp").path("type").asText()).isEqualTo("offer");

        bo.send("{\"type\":\"endpoint\",\"to\":\"\",\"text\":\"{\\\"notice\\\":1}\"}");
        JsonNode endpoint = ana.next("endpoint");
        assertThat(endpoint.path("from").asText()).isEqualTo(bo.id());
        assertThat(endpoint.path("text").asText()).isEqualTo("{\"notice\":1}");
    }

    @Test
    void aClaimedSenderIdIsRefusedAsMalformed() throws Exception {
        SignalClient ana = join("standup", "Ana");
        SignalClient bo = join("standup", "Bo");

        bo.send("{\"type\":\"chat\",\"text\":\"I am Ana\",\"from\":\"" + ana.id() + "\"}");

        assertThat(bo.closeReason()).startsWith("4400 malformed message");
        assertThat(ana.next("left").path("id").asText()).isEqualTo(bo.id());
    }

    @Test
    void privateChatReachesOnlyTheAddressee() throws Exception {
        SignalClient ana = join("standup", "Ana");
        SignalClient bo = join("standup", "Bo");
        SignalClient cy = join("standup", "Cy");

        ana.send("{\"type\":\"chat\",\"to\":\"" + cy.id() + "\",\"text\":\"just you\"}");
        ana.send("{\"type\":\"chat\",\"text\":\"everyone\"}");

        JsonNode toCy = cy.next("chat");
        assertThat(toCy.path("text").asText()).isEqualTo("just you");
        assertThat(toCy.path("private").asBoolean()).isTrue();
        assertThat(bo.next("chat").path("text").asText()).isEqualTo("everyone");
        assertThat(cy.next("chat").path("text").asText()).isEqualTo("everyone");
    }

    @Test
    void theSeventhParticipantIsToldTheRoomIsFull() throws Exception {
        for (int i = 1; i <= 6; i++) {
            join("big", "P" + i);
        }
        SignalClient seventh = connect("big");
        seventh.send("{\"type\":\"join\",\"name\":\"P7\"}");

        JsonNode error = seventh.next();
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("code").asText()).isEqualTo("room-full");
        assertThat(error.path("message").asText()).contains("full");
        assertThat(seventh.closeReason()).isEqualTo("4409 room is full");
        assertThat(server.participants("big")).isEqualTo(6);
    }

    @Test
    void anOversizedMessageClosesTheConnection() throws Exception {
        SignalClient ana = join("standup", "Ana");

        ana.send("{\"type\":\"chat\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}");

        assertThat(ana.closeReason()).startsWith("1009");
        awaitParticipants("standup", 0);
    }

    @Test
    void malformedMessagesCloseWithAReason() throws Exception {
        List<String> bad = List.of(
                "not json",
                "{\"type\":\"teleport\"}",
                "{\"type\":\"join\"}",
                "{\"type\":\"join\",\"name\":42}",
                "{\"type\":\"join\",\"name\":\"Ana\"} trailing",
                "[1,2]");
        for (String message : bad) {
            SignalClient c = connect("standup");
            c.send(message);
            assertThat(c.closeReason()).as(message).startsWith("4400 malformed message");
        }
        SignalClient early = connect("standup");
        early.send("{\"type\":\"chat\",\"text\":\"before joining\"}");
        assertThat(early.closeReason()).isEqualTo("4400 malformed message: join first");

        SignalClient ana = join("standup", "Ana");
        ana.send("{\"type\":\"chat\",\"to\":\"../../x\",\"text\":\"hi\"}");
        assertThat(ana.closeReason()).startsWith("4400 malformed message");
    }

    @Test
    void illegalRoomNamesAreRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String name : List.of("a.b", "with%20space", "caf%C3%A9", "x".repeat(65), "")) {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/r/" + name))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(name).isEqualTo(400);
            assertThat(page.body()).contains("Illegal room name");
        }
        assertThatThrownBy(() -> SignalClient.connect(ws("a.b")))
                .isInstanceOf(CompletionException.class)
                .hasStackTraceContaining("400");
        assertThatThrownBy(() -> server.url("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRoomPageIsServedWithALockedDownPolicy() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(server.url("team-standup")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/static/room.js");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(server.url("team-standup").toString())
                .isEqualTo("http://127.0.0.1:" + server.port() + "/r/team-standup");
    }

    @Test
    void aPageFromAnotherSiteCannotOpenTheSignallingSocket() {
        assertThatThrownBy(() -> SignalClient.connect(ws("standup"), "http://evil.example"))
                .isInstanceOf(CompletionException.class)
                .hasStackTraceContaining("403");
        SignalClient own = SignalClient.connect(ws("standup"), "http://127.0.0.1:" + server.port());
        own.close();
    }

    @Test
    void aConnectionOverItsRateIsClosed() throws Exception {
        server.stop();
        server = new LocalRoomServer(LocalRoomLimits.DEFAULT.withRate(10, 1));
        server.start("127.0.0.1", 0);
        SignalClient ana = join("standup", "Ana");

        for (int i = 0; i < 30 && !ana.closed.isDone(); i++) {
            ana.send("{\"type\":\"ping\"}");
        }
        assertThat(ana.closeReason()).isEqualTo("4429 rate limit exceeded");
    }

    @Test
    void leavingIsSeenByTheOthers() throws Exception {
        SignalClient ana = join("standup", "Ana");
        SignalClient bo = join("standup", "Bo");
        ana.next("joined");

        bo.send("{\"type\":\"leave\"}");

        assertThat(ana.next("left").path("id").asText()).isEqualTo(bo.id());
        assertThat(bo.closed.get(5, TimeUnit.SECONDS)).startsWith("1000");
        awaitParticipants("standup", 1);
    }

    /** The server drops a peer when its close completes, a moment after the client saw it. */
    private void awaitParticipants(String room, int expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.participants(room) != expected && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(server.participants(room)).isEqualTo(expected);
    }
}
