package dev.candor.consent;

import static dev.candor.consent.Script.ANA;
import static dev.candor.consent.Script.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.call.CallEvent;
import dev.candor.record.EntryDraft;
import dev.candor.record.EntryKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SwitchboardOperatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);

    /** Records what it was asked to do, and on which thread; can be told to fail. */
    static final class RecordingPerformer implements EffectPerformer {
        final List<String> log = new CopyOnWriteArrayList<>();
        final List<EntryDraft> entries = new CopyOnWriteArrayList<>();
        final Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile boolean failNotices;
        volatile boolean failTap;
        /** When set, notices are confirmed only when the test completes this (an adapter with receipts). */
        volatile java.util.concurrent.CompletableFuture<Void> receipts;

        volatile InputGate gate;
        volatile Boolean gateOpenAtTapStart;

        private void note(String what) {
            threads.add(Thread.currentThread().getName());
            log.add(what);
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> sendNotice(Effect.SendNotice notice) throws Exception {
            note("notice " + notice.notice().to() + " "
                    + notice.notice().notice().features());
            if (failNotices) {
                throw new IllegalStateException("bridge closed");
            }
            java.util.concurrent.CompletableFuture<Void> receipt = receipts;
            return receipt != null ? receipt : java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public void sendMessage(Effect.SendMessage message) {
            note("message " + message.message().getClass().getSimpleName());
        }

        @Override
        public void setDisplayName(Effect.SetDisplayName name) {
            note("name " + name.displayName());
        }

        @Override
        public void startAudioTap() throws Exception {
            note("tap on");
            gateOpenAtTapStart = gate.isActive(Feature.SUMMARY);
            if (failTap) {
                throw new IllegalStateException("no audio");
            }
        }

        @Override
        public void stopAudioTap() {
            note("tap off");
        }

        @Override
        public void record(EntryDraft entry) {
            note("entry " + entry.kind());
            entries.add(entry);
        }

        @Override
        public void enqueueShare(Effect.EnqueueShare share) {
            note("share " + share.item().id());
        }

        @Override
        public void declined(Effect.Declined declined) {
            note("declined " + declined.reason());
        }

        @Override
        public void received(Receipt receipt) {
            note("received " + receipt.getClass().getSimpleName());
        }
    }

    private final RecordingPerformer performer = new RecordingPerformer();
    private final InputGate gate = new InputGate();
    private SwitchboardOperator operator;

    private SwitchboardOperator start(CallSettings settings) throws Exception {
        performer.gate = gate;
        operator = new SwitchboardOperator(settings, gate, performer, CLOCK, "candor-call-test");
        operator.accept(new CallEvent.Joined(CLOCK.instant(), ANA, "Ana", "Standup"));
        operator.accept(new CallEvent.ParticipantJoined(CLOCK.instant(), BOB, "Bob"));
        return operator;
    }

    @AfterEach
    void close() {
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void aFeatureBecomesActiveOnlyAfterItsNoticeWasSent() throws Exception {
        start(CallSettings.defaults());

        Switchboard after = operator.turnOn(Feature.SUMMARY).get(5, TimeUnit.SECONDS);

        assertThat(after.activeFeatures()).containsExactly(Feature.SUMMARY);
        assertThat(operator.gate().admit(InputKind.AUDIO, BOB)).isTrue();
        List<String> log = performer.log;
        assertThat(log.indexOf("notice Everyone[] [SUMMARY]")).isGreaterThanOrEqualTo(0);
        assertThat(log.indexOf("tap on")).isGreaterThan(log.indexOf("notice Everyone[] [SUMMARY]"));
        assertThat(performer.gateOpenAtTapStart).isTrue();
        assertThat(performer.threads).containsExactly("candor-call-test");
    }

    @Test
    void aNoticeThatFailsLeavesTheFeatureOffAndTheTapStopped() throws Exception {
        start(CallSettings.defaults());
        performer.failNotices = true;

        Switchboard after = operator.turnOn(Feature.SUMMARY).get(5, TimeUnit.SECONDS);

        assertThat(after.announcedFeatures()).isEmpty();
        assertThat(operator.gate().admit(InputKind.AUDIO, BOB)).isFalse();
        assertThat(performer.log).doesNotContain("tap on").contains("declined NOTICE_NOT_DELIVERED");
    }

    @Test
    void aFeatureWaitsForTheAdaptersLaterConfirmation() throws Exception {
        start(CallSettings.defaults());
        java.util.concurrent.CompletableFuture<Void> receipt = new java.util.concurrent.CompletableFuture<>();
        performer.receipts = receipt;

        Switchboard pending = operator.turnOn(Feature.SUMMARY).get(5, TimeUnit.SECONDS);

        assertThat(pending.phase(Feature.SUMMARY)).isEqualTo(SwitchPhase.NOTICE_PENDING);
        assertThat(operator.gate().admit(InputKind.AUDIO, BOB)).isFalse();
        assertThat(performer.log).doesNotContain("tap on");

        receipt.complete(null);
        Switchboard active = operator.submit(new SwitchboardEvent.TurnOff(CLOCK.instant(), Feature.COMPOSE))
                .get(5, TimeUnit.SECONDS);

        assertThat(active.activeFeatures()).containsExactly(Feature.SUMMARY);
        assertThat(operator.gate().admit(InputKind.AUDIO, BOB)).isTrue();
        assertThat(performer.log).contains("tap on");
    }

    @Test
    void aLaterFailureReportedByTheAdapterTurnsTheFeatureOff() throws Exception {
        start(CallSettings.defaults());
        java.util.concurrent.CompletableFuture<Void> receipt = new java.util.concurrent.CompletableFuture<>();
        performer.receipts = receipt;
        operator.turnOn(Feature.COMPOSE).get(5, TimeUnit.SECONDS);

        receipt.completeExceptionally(new IllegalStateException("data channel closed"));
        performer.receipts = null;
        Switchboard after = operator.submit(new SwitchboardEvent.TurnOff(CLOCK.instant(), Feature.SUMMARY))
                .get(5, TimeUnit.SECONDS);

        assertThat(after.announcedFeatures()).isEmpty();
        assertThat(performer.log).contains("declined NOTICE_NOT_DELIVERED");
    }

    @Test
    void anAudioTapThatCannotStartTurnsTheSummaryOffAgain() throws Exception {
        start(CallSettings.defaults());
        performer.failTap = true;

        Switchboard after = operator.turnOn(Feature.SUMMARY).get(5, TimeUnit.SECONDS);

        assertThat(after.announcedFeatures()).isEmpty();
        assertThat(performer.log).contains("notice Everyone[] []");
    }

    @Test
    void inputCountsEntriesCarryTheGateCounts() throws Exception {
        start(CallSettings.defaults());
        operator.gate().admit(InputKind.AUDIO, BOB); // refused: nothing on yet
        operator.turnOn(Feature.COMPOSE).get(5, TimeUnit.SECONDS);
        operator.gate().admit(InputKind.CHAT, BOB);
        operator.gate().admit(InputKind.CHAT, BOB);

        operator.turnOff(Feature.COMPOSE).get(5, TimeUnit.SECONDS);

        EntryDraft last = performer.entries.stream()
                .filter(e -> e.kind() == EntryKind.INPUT_COUNTS)
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.fields())
                .containsEntry("chat", java.util.Map.of("admitted", 2L, "refused", 0L))
                .containsEntry("audio", java.util.Map.of("admitted", 0L, "refused", 1L));
    }

    @Test
    void closingEndsTheCallAndStopsEverything() throws Exception {
        start(CallSettings.defaults());
        operator.turnOn(Feature.SUMMARY).get(5, TimeUnit.SECONDS);

        operator.close();

        assertThat(operator.current().phase()).isEqualTo(CallPhase.ENDED);
        assertThat(operator.gate().admit(InputKind.AUDIO, BOB)).isFalse();
        assertThat(performer.log).contains("tap off", "entry CALL_ENDED");
    }

    @Test
    void audioChunksNeverQueueOnTheCallExecutor() throws Exception {
        start(CallSettings.defaults());
        operator.accept(new CallEvent.AudioChunk(CLOCK.instant(), BOB, new short[160]));
        operator.turnAllOff().get(5, TimeUnit.SECONDS);
        assertThat(performer.log).noneMatch(l -> l.contains("AudioChunk"));
    }

    @Test
    void everyKindOfEffectReachesThePerformer() throws Exception {
        start(CallSettings.defaults().withSharingDestination("Acme corpus"));
        NoticeCodec codec = new NoticeCodec();
        operator.turnOn(Feature.SUMMARY).get(5, TimeUnit.SECONDS);
        operator.setDataSharing(true).get(5, TimeUnit.SECONDS);
        operator.offerShare(new ShareItem("sum-1", "summary", Feature.SUMMARY)).get(5, TimeUnit.SECONDS);
        operator.accept(new CallEvent.EndpointMessageReceived(
                CLOCK.instant(), BOB, codec.encode(new ConsentMessage.Objection(1, CLOCK.instant(), Set.of()))));
        operator.accept(new CallEvent.EndpointMessageReceived(CLOCK.instant(), BOB, "not json"));
        operator.answerObjection(BOB, ObjectionAnswer.TURNED_OFF).get(5, TimeUnit.SECONDS);
        operator.turnOff(Feature.SUMMARY).get(5, TimeUnit.SECONDS);

        // One sample of each effect type; a new effect type must be added here and to the operator.
        assertThat(Effect.class.getPermittedSubclasses()).hasSize(10);
        assertThat(performer.log)
                .anyMatch(l -> l.startsWith("notice"))
                .anyMatch(l -> l.startsWith("message ObjectionReply"))
                .anyMatch(l -> l.startsWith("name Ana \u00b7 AI notes on"))
                .anyMatch(l -> l.equals("tap on"))
                .anyMatch(l -> l.equals("tap off"))
                .anyMatch(l -> l.equals("entry SWITCH_CHANGED"))
                .anyMatch(l -> l.equals("entry INPUT_COUNTS"))
                .anyMatch(l -> l.equals("share sum-1"))
                .anyMatch(l -> l.equals("received Ignored"))
                .anyMatch(l -> l.equals("declined ALREADY_OFF"));
        assertThat(performer.log.indexOf("entry SHARE_QUEUED")).isLessThan(performer.log.indexOf("share sum-1"));
    }
}
