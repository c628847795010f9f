package dev.candor.consent;

import static dev.candor.consent.Script.ANA;
import static dev.candor.consent.Script.BOB;
import static dev.candor.consent.Script.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.call.CallCommand;
import dev.candor.call.CallEvent;
import dev.candor.call.Recipient;
import dev.candor.record.EntryKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SwitchboardTest {

    @Test
    void everySwitchIsOffInANewCallWhateverHappenedInTheLastOne() {
        Script s = Script.joined(CallSettings.defaults().withSharingDestination("Acme corpus"));
        s.turnOnAndDeliver(Feature.SUMMARY);
        s.sharing(true);
        s.deliverLast();
        assertThat(s.state.sharingActive()).isTrue();

        s.call(new CallEvent.Left(s.now(), "hangup"));
        s.call(new CallEvent.Joined(s.now(), ANA, "Ana", "Next meeting"));

        assertThat(s.state.phase()).isEqualTo(CallPhase.IN_CALL);
        for (Switch sw : Switch.values()) {
            assertThat(s.state.phase(sw)).isEqualTo(SwitchPhase.OFF);
        }
        assertThat(Switchboard.newCall(CallSettings.defaults()).announcedFeatures())
                .isEmpty();
    }

    @Test
    void noticeIsSentBeforeSummaryStarts() {
        Script s = Script.joined();
        Transition request = s.turnOn(Feature.SUMMARY);

        assertThat(s.state.phase(Feature.SUMMARY)).isEqualTo(SwitchPhase.NOTICE_PENDING);
        assertThat(s.state.activeFeatures()).isEmpty();
        assertThat(Script.of(request, Effect.StartAudioTap.class)).isEmpty();
        Effect.SendNotice notice = Script.of(request, Effect.SendNotice.class).get(0);
        assertThat(notice.notice().to()).isEqualTo(Recipient.EVERYONE);
        assertThat(notice.commands())
                .containsExactly(
                        new CallCommand.SendEndpointMessage(
                                Recipient.EVERYONE,
                                new NoticeCodec().encode(notice.notice().notice())),
                        new CallCommand.SendChat(
                                Recipient.EVERYONE,
                                "Ana turned on AI meeting summary. It runs on Ana's computer; nothing is sent to a"
                                        + " cloud service. Data sharing: off."));

        Transition delivered = s.deliverLast().get(0);

        assertThat(s.state.activeFeatures()).containsExactly(Feature.SUMMARY);
        assertThat(Script.entries(delivered, EntryKind.NOTICE_SENT)).hasSize(1);
        assertThat(Script.of(delivered, Effect.StartAudioTap.class)).hasSize(1);
        int noticeEntry = delivered
                .effects()
                .indexOf(new Effect.Record(
                        Script.entries(delivered, EntryKind.NOTICE_SENT).get(0)));
        assertThat(delivered.effects().indexOf(new Effect.StartAudioTap())).isGreaterThan(noticeEntry);
    }

    @Test
    void composeHelpNeverStartsTheAudioTap() {
        Script s = Script.joined();
        s.turnOnAndDeliver(Feature.COMPOSE);
        assertThat(s.state.activeFeatures()).containsExactly(Feature.COMPOSE);
        assertThat(s.effects).noneMatch(Effect.StartAudioTap.class::isInstance);
    }

    @Test
    void aNoticeThatCouldNotBeSentTurnsTheFeatureOffAgain() {
        Script s = Script.joined();
        Transition request = s.turnOn(Feature.SUMMARY);
        long seq = Script.of(request, Effect.SendNotice.class).get(0).seq();

        Transition failed = s.apply(new SwitchboardEvent.NoticeFailed(s.now(), seq, "bridge closed"));

        assertThat(s.state.phase(Feature.SUMMARY)).isEqualTo(SwitchPhase.OFF);
        assertThat(Script.of(failed, Effect.Declined.class))
                .extracting(Effect.Declined::reason)
                .containsExactly(Effect.DeclineReason.NOTICE_NOT_DELIVERED);
        assertThat(Script.entries(failed, EntryKind.SWITCH_CHANGED))
                .extracting(e -> e.fields().get("reason"))
                .containsExactly("notice_failed");
        // A late confirmation of the failed notice activates nothing.
        s.apply(new SwitchboardEvent.NoticeDelivered(s.now(), seq));
        assertThat(s.state.activeFeatures()).isEmpty();
    }

    @Test
    void turningOffIsImmediateStopsTheTapFirstAndIsAnnounced() {
        Script s = Script.joined();
        s.turnOnAndDeliver(Feature.SUMMARY);

        Transition off = s.turnOff(Feature.SUMMARY);

        assertThat(s.state.phase(Feature.SUMMARY)).isEqualTo(SwitchPhase.OFF);
        assertThat(off.effects().get(0)).isEqualTo(new Effect.StopAudioTap());
        Effect.SendNotice notice = Script.of(off, Effect.SendNotice.class).get(0);
        assertThat(notice.notice().notice().features()).isEmpty();
        assertThat(notice.notice().text())
                .isEqualTo("Ana turned off AI meeting summary. AI is now off for Ana; nothing more from this call is"
                        + " processed.");
        assertThat(Script.of(off, Effect.RecordInputCounts.class)).hasSize(1);
    }

    @Test
    void dataSharingNeedsAFeatureOnAndADestination() {
        Script noDestination = Script.joined();
        noDestination.turnOnAndDeliver(Feature.SUMMARY);
        assertThat(Script.of(noDestination.sharing(true), Effect.Declined.class))
                .extracting(Effect.Declined::reason)
                .containsExactly(Effect.DeclineReason.NO_SHARING_DESTINATION);

        Script noFeature = Script.joined(CallSettings.defaults().withSharingDestination("Acme corpus"));
        assertThat(Script.of(noFeature.sharing(true), Effect.Declined.class))
                .extracting(Effect.Declined::reason)
                .containsExactly(Effect.DeclineReason.NO_FEATURE_ON);
        assertThat(noFeature.state.phase(Switch.DATA_SHARING)).isEqualTo(SwitchPhase.OFF);
    }

    @Test
    void dataSharingIsAnnouncedAndTurnsOffWithTheLastFeature() {
        Script s = Script.joined(CallSettings.defaults().withSharingDestination("Acme corpus"));
        s.turnOnAndDeliver(Feature.SUMMARY);
        s.turnOnAndDeliver(Feature.COMPOSE);
        Transition on = s.sharing(true);
        assertThat(Script.of(on, Effect.SendNotice.class).get(0).notice().text())
                .isEqualTo("Ana turned on data sharing. Also on: AI meeting summary and AI chat help. It runs on"
                        + " Ana's computer. Data sharing: on. Ana's AI notes from this call may be sent to Acme"
                        + " corpus.");
        s.deliverLast();
        assertThat(s.state.sharingActive()).isTrue();

        s.turnOff(Feature.SUMMARY);
        assertThat(s.state.sharingActive()).isTrue();
        Transition last = s.turnOff(Feature.COMPOSE);

        assertThat(s.state.phase(Switch.DATA_SHARING)).isEqualTo(SwitchPhase.OFF);
        assertThat(Script.entries(last, EntryKind.SWITCH_CHANGED))
                .extracting(e -> e.fields().get("switch") + ":" + e.fields().get("reason"))
                .containsExactly("compose:user", "data_sharing:last_feature_off");
    }

    @Test
    void itemsAreSharedOnlyWhileSharingIsActiveAndRecordedBeforeTheyGo() {
        Script s = Script.joined(CallSettings.defaults().withSharingDestination("Acme corpus"));
        ShareItem summary = new ShareItem("sum-1", "summary", Feature.SUMMARY);
        s.turnOnAndDeliver(Feature.SUMMARY);
        assertThat(Script.of(s.apply(new SwitchboardEvent.OfferShare(s.now(), summary)), Effect.EnqueueShare.class))
                .isEmpty();
        s.sharing(true);
        assertThat(Script.of(s.apply(new SwitchboardEvent.OfferShare(s.now(), summary)), Effect.EnqueueShare.class))
                .as("sharing still waits for its notice")
                .isEmpty();
        s.sharing(false);
        s.sharing(true);
        s.deliverLast();

        Transition shared = s.apply(new SwitchboardEvent.OfferShare(s.now(), summary));

        assertThat(shared.effects())
                .containsExactly(
                        new Effect.Record(
                                Script.entries(shared, EntryKind.SHARE_QUEUED).get(0)),
                        new Effect.EnqueueShare(summary, "Acme corpus"));
    }

    @Test
    void someoneWhoJoinsWhileAiIsOnIsToldPrivatelyOnJoining() {
        Script s = Script.joined();
        Transition beforeAi = s.joins(BOB, "Bob");
        assertThat(Script.of(beforeAi, Effect.SendNotice.class)).isEmpty();
        s.turnOnAndDeliver(Feature.SUMMARY);

        Transition joined = s.joins(CAROL, "Carol");

        Effect.SendNotice notice = Script.of(joined, Effect.SendNotice.class).get(0);
        assertThat(notice.notice().to()).isEqualTo(Recipient.one(CAROL));
        assertThat(notice.commands())
                .allMatch(c -> c instanceof CallCommand.SendChat chat
                        ? chat.to().equals(Recipient.one(CAROL))
                        : ((CallCommand.SendEndpointMessage) c).to().equals(Recipient.one(CAROL)));
        assertThat(notice.notice().text())
                .isEqualTo("Ana has AI on in this call: AI meeting summary. It runs on Ana's computer; nothing is"
                        + " sent to a cloud service. Data sharing: off. If you object, tell Ana in the chat.");
        Transition delivered = s.deliverLast().get(0);
        assertThat(Script.entries(delivered, EntryKind.NOTICE_SENT).get(0).fields())
                .containsEntry("to", "carol-3");
    }

    @Test
    void displayNameCarriesTheAiSuffixWhileAiIsOn() {
        Script s = Script.joined();
        Transition on = s.turnOn(Feature.SUMMARY);
        assertThat(Script.of(on, Effect.SetDisplayName.class))
                .containsExactly(new Effect.SetDisplayName("Ana \u00b7 AI notes on"));
        s.call(new CallEvent.DisplayNameChanged(s.now(), ANA, "Ana \u00b7 AI notes on"));
        assertThat(s.last.effects()).isEmpty();

        Transition off = s.turnOff(Feature.SUMMARY);
        assertThat(Script.of(off, Effect.SetDisplayName.class)).containsExactly(new Effect.SetDisplayName("Ana"));

        Script noSuffix =
                Script.joined(new CallSettings(java.util.Optional.empty(), false, true, NoticeWording.english()));
        assertThat(Script.of(noSuffix.turnOn(Feature.SUMMARY), Effect.SetDisplayName.class))
                .isEmpty();
    }

    @Test
    void leavingTurnsEverythingOffRecordsCountsAndEndsTheCall() {
        Script s = Script.joined();
        s.turnOnAndDeliver(Feature.SUMMARY);

        Transition left = s.call(new CallEvent.Left(s.now(), "hangup"));

        assertThat(s.state.phase()).isEqualTo(CallPhase.ENDED);
        assertThat(s.state.activeFeatures()).isEmpty();
        assertThat(left.effects().get(0)).isEqualTo(new Effect.StopAudioTap());
        assertThat(Script.of(left, Effect.SendNotice.class)).isEmpty();
        assertThat(left.effects().get(left.effects().size() - 1))
                .isEqualTo(new Effect.Record(
                        Script.entries(left, EntryKind.CALL_ENDED).get(0)));
        assertThat(Script.of(left, Effect.RecordInputCounts.class)).hasSize(1);
        assertThat(Script.of(s.turnOn(Feature.SUMMARY), Effect.Declined.class))
                .extracting(Effect.Declined::reason)
                .containsExactly(Effect.DeclineReason.NOT_IN_CALL);
    }

    @Test
    void aRemoteNoticeIsAttributedToTheSenderIdTheMeetingGave() {
        Script s = Script.joined();
        s.joins(BOB, "Bob");
        NoticeCodec codec = new NoticeCodec();
        String json = codec.encode(new ConsentMessage.Notice(1, Script.T0, Set.of(Feature.SUMMARY), false, true));

        Transition t = s.endpoint(BOB, json);

        assertThat(s.state.remoteAi()).containsOnlyKeys(BOB);
        assertThat(s.state.remoteAi().get(BOB).features()).containsExactly(Feature.SUMMARY);
        assertThat(Script.entries(t, EntryKind.NOTICE_RECEIVED).get(0).fields()).containsEntry("participant", "bob-2");
        assertThat(s.state.banners()).containsExactly("Bob has AI notes on.");
        s.call(new CallEvent.DisplayNameChanged(s.now(), BOB, "Robert"));
        assertThat(s.state.banners()).containsExactly("Robert has AI notes on.");

        assertThat(Script.of(s.endpoint(BOB, json), Effect.Received.class)
                        .get(0)
                        .receipt())
                .isEqualTo(new Receipt.Ignored(BOB, IgnoreReason.DUPLICATE, "seq 1 after 1"));
        String off = codec.encode(new ConsentMessage.Notice(2, Script.T0, Set.of(), false, true));
        s.endpoint(BOB, off);
        assertThat(s.state.remoteAi()).isEmpty();
        String stale = codec.encode(new ConsentMessage.Notice(1, Script.T0, Set.of(Feature.COMPOSE), false, true));
        Receipt staleReceipt =
                Script.of(s.endpoint(BOB, stale), Effect.Received.class).get(0).receipt();
        assertThat(staleReceipt).isInstanceOf(Receipt.Ignored.class);
        assertThat(((Receipt.Ignored) staleReceipt).reason()).isEqualTo(IgnoreReason.OUT_OF_ORDER);
        assertThat(s.state.remoteAi()).isEmpty();
    }

    @Test
    void ourOwnEchoAndMessagesOutsideTheCallChangeNothing() {
        Script s = Script.joined();
        String json =
                new NoticeCodec().encode(new ConsentMessage.Notice(1, Script.T0, Set.of(Feature.SUMMARY), false, true));
        Receipt echo =
                Script.of(s.endpoint(ANA, json), Effect.Received.class).get(0).receipt();
        assertThat(((Receipt.Ignored) echo).reason()).isEqualTo(IgnoreReason.FROM_SELF);
        assertThat(s.state.remoteAi()).isEmpty();

        Script waiting = new Script(CallSettings.defaults());
        Receipt early = Script.of(waiting.endpoint(BOB, json), Effect.Received.class)
                .get(0)
                .receipt();
        assertThat(((Receipt.Ignored) early).reason()).isEqualTo(IgnoreReason.NOT_IN_CALL);
    }

    @Test
    void secondFeatureIsAnnouncedWithWhatIsAlreadyOn() {
        Script s = Script.joined();
        s.turnOnAndDeliver(Feature.SUMMARY);
        Transition compose = s.turnOn(Feature.COMPOSE);
        Effect.SendNotice notice = Script.of(compose, Effect.SendNotice.class).get(0);
        assertThat(notice.notice().notice().features()).containsExactlyInAnyOrder(Feature.SUMMARY, Feature.COMPOSE);
        assertThat(notice.notice().text()).startsWith("Ana turned on AI chat help. Also on: AI meeting summary.");
        assertThat(List.copyOf(s.state.activeFeatures())).containsExactly(Feature.SUMMARY);
    }
}
