package dev.candor.consent;

import static dev.candor.consent.Script.ANA;
import static dev.candor.consent.Script.BOB;
import static dev.candor.consent.Script.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.record.EntryKind;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InputGateTest {

    /** Ana's call with Bob in it from the start. */
    private static Script callWithBob() {
        Script s = Script.joined();
        s.joins(BOB, "Bob");
        return s;
    }

    private static InputGate gateFor(Script s) {
        InputGate gate = new InputGate();
        gate.publish(s.state);
        return gate;
    }

    @Test
    void aClosedGateAdmitsNothingAndCountsWhatItRefused() {
        InputGate gate = new InputGate();
        for (InputKind kind : InputKind.values()) {
            assertThat(gate.admit(kind, BOB)).isFalse();
        }
        assertThat(gate.counts().of(InputKind.AUDIO)).isEqualTo(new InputCounts.Count(0, 1));
    }

    @Test
    void aPendingFeatureAdmitsNothingYet() {
        Script s = callWithBob();
        s.turnOn(Feature.SUMMARY);
        InputGate gate = gateFor(s);
        assertThat(gate.admit(InputKind.AUDIO, BOB)).isFalse();
        assertThat(gate.admit(InputKind.CHAT, BOB)).isFalse();
        assertThat(gate.isActive(Feature.SUMMARY)).isFalse();
    }

    @Test
    void theSummaryAdmitsAudioTranscriptAndChat() {
        Script s = callWithBob();
        s.turnOnAndDeliver(Feature.SUMMARY);
        InputGate gate = gateFor(s);
        assertThat(gate.admit(InputKind.AUDIO, BOB)).isTrue();
        assertThat(gate.admit(InputKind.TRANSCRIPT, BOB)).isTrue();
        assertThat(gate.admit(InputKind.CHAT, BOB)).isTrue();
    }

    @Test
    void composeHelpAdmitsTheChatButNeverTheAudio() {
        Script s = callWithBob();
        s.turnOnAndDeliver(Feature.COMPOSE);
        InputGate gate = gateFor(s);
        assertThat(gate.admit(InputKind.CHAT, BOB)).isTrue();
        assertThat(gate.admit(InputKind.AUDIO, BOB)).isFalse();
        assertThat(gate.admit(InputKind.TRANSCRIPT, BOB)).isFalse();
    }

    @Test
    void theGateClosesWhenTheCallEnds() {
        Script s = callWithBob();
        s.turnOnAndDeliver(Feature.SUMMARY);
        s.call(new dev.candor.call.CallEvent.Left(s.now(), "hangup"));
        assertThat(gateFor(s).admit(InputKind.AUDIO, BOB)).isFalse();
    }

    @Test
    void aLaterJoinerIsNotHeardUntilTheirPrivateNoticeWentOut() {
        Script s = callWithBob();
        s.turnOnAndDeliver(Feature.SUMMARY);
        s.joins(CAROL, "Carol");
        InputGate gate = gateFor(s);
        assertThat(gate.admit(InputKind.AUDIO, CAROL)).isFalse();
        assertThat(gate.admit(InputKind.AUDIO, BOB)).isTrue();
        assertThat(gate.admit(InputKind.AUDIO, ANA)).as("this client itself").isTrue();

        s.deliverLast();
        gate.publish(s.state);

        assertThat(gate.admit(InputKind.AUDIO, CAROL)).isTrue();
        assertThat(gate.admit(InputKind.CHAT, new dev.candor.call.ParticipantId("stranger")))
                .as("someone the meeting never reported")
                .isFalse();
    }

    @Test
    void countsFromManyThreadsAddUpAndGoIntoTheEntry() throws Exception {
        Script s = callWithBob();
        s.turnOnAndDeliver(Feature.COMPOSE);
        InputGate gate = gateFor(s);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    gate.admit(InputKind.AUDIO, BOB);
                    gate.admit(InputKind.CHAT, BOB);
                }
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();

        assertThat(gate.counts().of(InputKind.AUDIO)).isEqualTo(new InputCounts.Count(0, 40_000));
        assertThat(gate.counts().of(InputKind.CHAT)).isEqualTo(new InputCounts.Count(40_000, 0));
        var entry = gate.countsEntry("switch_changed");
        assertThat(entry.kind()).isEqualTo(EntryKind.INPUT_COUNTS);
        assertThat(entry.fields())
                .containsEntry("reason", "switch_changed")
                .containsEntry("audio", Map.of("admitted", 0L, "refused", 40_000L))
                .containsEntry("chat", Map.of("admitted", 40_000L, "refused", 0L))
                .containsEntry("transcript", Map.of("admitted", 0L, "refused", 0L));
    }
}
