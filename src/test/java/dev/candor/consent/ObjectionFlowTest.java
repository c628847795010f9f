package dev.candor.consent;

import static dev.candor.consent.Script.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.call.CallCommand;
import dev.candor.call.Recipient;
import dev.candor.record.EntryKind;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectionFlowTest {
    private final NoticeCodec codec = new NoticeCodec();

    private Script anaWithSummaryOnAndBob() {
        Script s = Script.joined();
        s.joins(BOB, "Bob");
        s.turnOnAndDeliver(Feature.SUMMARY);
        return s;
    }

    private String objection(long seq) {
        return codec.encode(new ConsentMessage.Objection(seq, Script.T0, Set.of()));
    }

    private ConsentMessage.ObjectionReply sentReply(Transition t) {
        Effect.SendMessage m = Script.of(t, Effect.SendMessage.class).get(0);
        assertThat(m.to()).isEqualTo(BOB);
        CallCommand.SendEndpointMessage cmd =
                (CallCommand.SendEndpointMessage) m.commands().get(0);
        assertThat(cmd.to()).isEqualTo(Recipient.one(BOB));
        NoticeCodec.Decoded decoded = codec.decode(cmd.text());
        return (ConsentMessage.ObjectionReply) ((NoticeCodec.Decoded.Parsed) decoded).message();
    }

    @Test
    void anObjectionIsKeptAsAnOpenRequestAndRecorded() {
        Script s = anaWithSummaryOnAndBob();

        Transition t = s.endpoint(BOB, objection(5));

        assertThat(s.state.objections()).containsOnlyKeys(BOB);
        assertThat(s.state.objections().get(BOB).seq()).isEqualTo(5);
        assertThat(Script.entries(t, EntryKind.OBJECTION_RECEIVED).get(0).fields())
                .containsEntry("participant", "bob-2")
                .containsEntry("seq", 5L);
        assertThat(s.state.activeFeatures()).containsExactly(Feature.SUMMARY);
        assertThat(s.state.settings().wording().objectionReceived("Bob", Set.of()))
                .isEqualTo("Bob asks you to turn off AI.");
    }

    @Test
    void answeringTurnedOffStopsAiAnnouncesItAndRepliesToTheObjector() {
        Script s = anaWithSummaryOnAndBob();
        s.endpoint(BOB, objection(5));

        Transition t = s.apply(new SwitchboardEvent.AnswerObjection(s.now(), BOB, ObjectionAnswer.TURNED_OFF));

        assertThat(s.state.announcedFeatures()).isEmpty();
        assertThat(s.state.objections()).isEmpty();
        assertThat(t.effects().get(0)).isEqualTo(new Effect.StopAudioTap());
        ConsentMessage.ObjectionReply reply = sentReply(t);
        assertThat(reply.re()).isEqualTo(5);
        assertThat(reply.answer()).isEqualTo(ObjectionAnswer.TURNED_OFF);
        assertThat(Script.entries(t, EntryKind.OBJECTION_ANSWERED).get(0).fields())
                .containsEntry("answer", "turned-off")
                .containsEntry("automatic", false);
        assertThat(Script.entries(t, EntryKind.SWITCH_CHANGED))
                .extracting(e -> e.fields().get("reason"))
                .containsExactly("objection");
        assertThat(Script.of(t, Effect.SendNotice.class)
                        .get(0)
                        .notice()
                        .notice()
                        .features())
                .isEmpty();
    }

    @Test
    void answeringKeptOnLeavesAiOnAndSaysSo() {
        Script s = anaWithSummaryOnAndBob();
        s.endpoint(BOB, objection(5));

        Transition t = s.apply(new SwitchboardEvent.AnswerObjection(s.now(), BOB, ObjectionAnswer.KEPT_ON));

        assertThat(s.state.activeFeatures()).containsExactly(Feature.SUMMARY);
        assertThat(sentReply(t).answer()).isEqualTo(ObjectionAnswer.KEPT_ON);
        assertThat(Script.entries(t, EntryKind.OBJECTION_ANSWERED)).hasSize(1);
        assertThat(Script.entries(t, EntryKind.SWITCH_CHANGED)).isEmpty();
        // Answering twice is refused.
        Transition again = s.apply(new SwitchboardEvent.AnswerObjection(s.now(), BOB, ObjectionAnswer.KEPT_ON));
        assertThat(Script.of(again, Effect.Declined.class))
                .extracting(Effect.Declined::reason)
                .containsExactly(Effect.DeclineReason.NO_SUCH_OBJECTION);
    }

    @Test
    void turningAiOffAnswersOpenObjectionsAutomatically() {
        Script s = anaWithSummaryOnAndBob();
        s.endpoint(BOB, objection(5));

        Transition t = s.turnOff(Feature.SUMMARY);

        assertThat(s.state.objections()).isEmpty();
        assertThat(sentReply(t).answer()).isEqualTo(ObjectionAnswer.TURNED_OFF);
        assertThat(Script.entries(t, EntryKind.OBJECTION_ANSWERED).get(0).fields())
                .containsEntry("automatic", true);
    }

    @Test
    void anObjectionWhileAiIsOffIsAnsweredAtOnce() {
        Script s = Script.joined();
        s.joins(BOB, "Bob");

        Transition t = s.endpoint(BOB, objection(1));

        assertThat(Script.entries(t, EntryKind.OBJECTION_RECEIVED)).hasSize(1);
        assertThat(Script.entries(t, EntryKind.OBJECTION_ANSWERED)).hasSize(1);
        assertThat(sentReply(t).answer()).isEqualTo(ObjectionAnswer.TURNED_OFF);
        assertThat(s.state.objections()).isEmpty();
    }

    @Test
    void aRepeatedObjectionWhileOneIsOpenIsIgnored() {
        Script s = anaWithSummaryOnAndBob();
        s.endpoint(BOB, objection(5));
        Transition t = s.endpoint(BOB, objection(6));
        assertThat(t.entries()).isEmpty();
        assertThat(((Receipt.Ignored) Script.of(t, Effect.Received.class).get(0).receipt()).reason())
                .isEqualTo(IgnoreReason.UNEXPECTED);
    }

    @Test
    void weCanAskSomeoneWithAiOnToStopAndSeeTheirAnswer() {
        Script s = Script.joined();
        s.joins(BOB, "Bob");
        Transition refused = s.apply(new SwitchboardEvent.RaiseObjection(s.now(), BOB));
        assertThat(Script.of(refused, Effect.Declined.class))
                .extracting(Effect.Declined::reason)
                .containsExactly(Effect.DeclineReason.PARTICIPANT_HAS_NO_AI);
        s.endpoint(BOB, codec.encode(new ConsentMessage.Notice(1, Script.T0, Set.of(Feature.SUMMARY), false, true)));

        Transition raised = s.apply(new SwitchboardEvent.RaiseObjection(s.now(), BOB));

        Effect.SendMessage sent = Script.of(raised, Effect.SendMessage.class).get(0);
        assertThat(sent.message()).isInstanceOf(ConsentMessage.Objection.class);
        long mySeq = sent.message().seq();
        assertThat(s.state.raisedObjections().get(BOB).answer()).isEmpty();

        String wrongRe =
                codec.encode(new ConsentMessage.ObjectionReply(2, Script.T0, mySeq + 100, ObjectionAnswer.TURNED_OFF));
        assertThat(s.endpoint(BOB, wrongRe).entries()).isEmpty();
        Transition answered = s.endpoint(
                BOB, codec.encode(new ConsentMessage.ObjectionReply(3, Script.T0, mySeq, ObjectionAnswer.KEPT_ON)));

        assertThat(s.state.raisedObjections().get(BOB).answer()).isEqualTo(Optional.of(ObjectionAnswer.KEPT_ON));
        assertThat(Script.entries(answered, EntryKind.OBJECTION_ANSWERED).get(0).fields())
                .containsEntry("direction", "answer_to_me")
                .containsEntry("participant", "bob-2")
                .containsEntry("answer", "kept-on");
        assertThat(s.state.settings().wording().objectionAnswered("Bob", ObjectionAnswer.KEPT_ON))
                .isEqualTo("Bob kept AI on after your request.");
    }

    @Test
    void anObjectorWhoLeavesTakesTheirOpenRequestWithThem() {
        Script s = anaWithSummaryOnAndBob();
        s.endpoint(BOB, objection(5));
        s.call(new dev.candor.call.CallEvent.ParticipantLeft(s.now(), BOB));
        assertThat(s.state.objections()).isEmpty();
        assertThat(s.state.activeFeatures()).containsExactly(Feature.SUMMARY);
    }
}
