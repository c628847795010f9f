package dev.candor.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.record.EntryKind;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InputGateTest {

    private static InputGate gateFor(Script s) {
        InputGate gate = new InputGate();
        gate.publish(s.state);
        return gate;
    }

    @Test
    void aClosedGateAdmitsNothingAndCountsWhatItRefused() {
        InputGate gate = new InputGate();
        for (InputKind kind : InputKind.values()) {
            assertThat(gate.admit(kind)).isFalse();
        }
        assertThat(gate.counts().of(InputKind.AUDIO)).isEqualTo(new InputCounts.Count(0, 1));
    }

    @Test
    void aPendingFeatureAdmitsNothingYet() {
        Script s = Script.joined();
        s.turnOn(Feature.SUMMARY);
        InputGate gate = gateFor(s);
        assertThat(gate.admit(InputKind.AUDIO)).isFalse();
        assertThat(gate.admit(InputKind.CHAT)).isFalse();
        assertThat(gate.isActive(Feature.SUMMARY)).isFalse();
    }

    @Test
    void theSummaryAdmitsAudioTranscriptAndChat() {
        Script s = Script.joined();
        s.turnOnAndDeliver(Feature.SUMMARY);
        InputGate gate = gateFor(s);
        assertThat(gate.admit(InputKind.AUDIO)).isTrue();
        assertThat(gate.admit(InputKind.TRANSCRIPT)).isTrue();
        assertThat(gate.admit(InputKind.CHAT)).isTrue();
    }

    @Test
    void composeHelpAdmitsTheChatButNeverTheAudio() {
        Script s = Script.joined();
        s.turnOnAndDeliver(Feature.COMPOSE);
        InputGate gate = gateFor(s);
        assertThat(gate.admit(InputKind.CHAT)).isTrue();
        assertThat(gate.admit(InputKind.AUDIO)).isFalse();
        assertThat(gate.admit(InputKind.TRANSCRIPT)).isFalse();
    }

    @Test
    void theGateClosesWhenTheCallEnds() {
        Script s = Script.joined();
        s.turnOnAndDeliver(Feature.SUMMARY);
        s.call(new dev.candor.call.CallEvent.Left(s.now(), "hangup"));
        assertThat(gateFor(s).admit(InputKind.AUDIO)).isFalse();
    }

    @Test
    void countsFromManyThreadsAddUpAndGoIntoTheEntry() throws Exception {
        Script s = Script.joined();
        s.turnOnAndDeliver(Feature.COMPOSE);
        InputGate gate = gateFor(s);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    gate.admit(InputKind.AUDIO);
                    gate.admit(InputKind.CHAT);
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
