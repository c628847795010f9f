package dev.candor.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.call.CallEvent;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import dev.candor.record.EntryDraft;
import dev.candor.record.EntryKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The consent invariants of ARCHITECTURE.md, checked after every step of random event sequences:
 * random requests, deliveries and failures of notices in any order, joins, leaves, hostile and
 * valid endpoint messages, objections, shares and new calls.
 */
class SwitchboardProperties {
    private static final List<ParticipantId> PEOPLE =
            List.of(Script.BOB, Script.CAROL, new ParticipantId("dan-4"), Script.ANA);
    private static final NoticeCodec CODEC = new NoticeCodec();

    /** One step of a random sequence; its numbers pick among what the state offers at that moment. */
    record Action(int kind, int a, int b) {}

    @Provide
    Arbitrary<List<Action>> sequences() {
        // Switch requests and deliveries are frequent, new calls rare, so sequences reach deep states
        // (features and data sharing active, objections open) as well as the edges.
        Arbitrary<Integer> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, 0),
                net.jqwik.api.Tuple.of(3, 2),
                net.jqwik.api.Tuple.of(1, 3),
                net.jqwik.api.Tuple.of(5, 4),
                net.jqwik.api.Tuple.of(8, 5),
                net.jqwik.api.Tuple.of(2, 8),
                net.jqwik.api.Tuple.of(2, 9),
                net.jqwik.api.Tuple.of(1, 10),
                net.jqwik.api.Tuple.of(2, 11),
                net.jqwik.api.Tuple.of(2, 12),
                net.jqwik.api.Tuple.of(1, 13),
                net.jqwik.api.Tuple.of(2, 14),
                net.jqwik.api.Tuple.of(1, 15),
                net.jqwik.api.Tuple.of(3, 16),
                net.jqwik.api.Tuple.of(1, 17),
                net.jqwik.api.Tuple.of(1, 18),
                net.jqwik.api.Tuple.of(1, 19),
                net.jqwik.api.Tuple.of(1, 20),
                net.jqwik.api.Tuple.of(1, 21),
                net.jqwik.api.Tuple.of(1, 22));
        Arbitrary<Action> action = Combinators.combine(
                        kind,
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 1000))
                .as(Action::new);
        return Combinators.combine(
                        Arbitraries.integers().between(0, 9),
                        action.list().ofMinSize(1).ofMaxSize(60))
                .as((coin, rest) -> {
                    // Most sequences start in a call; some start before joining.
                    List<Action> all = new ArrayList<>();
                    if (coin != 0) {
                        all.add(new Action(18, 0, 0));
                    }
                    all.addAll(rest);
                    return all;
                });
    }

    @Property(tries = 400)
    void consentInvariantsHoldAfterEveryStep(
            @ForAll("sequences") List<Action> actions, @ForAll boolean withDestination) {
        CallSettings settings = withDestination
                ? CallSettings.defaults().withSharingDestination("Acme corpus")
                : CallSettings.defaults();
        Switchboard state = Switchboard.newCall(settings);
        InputGate gate = new InputGate();
        boolean tapRunning = false;
        // Broadcast notices delivered in the current call, as NOTICE_SENT entries said.
        List<Map<String, Object>> deliveredToAll = new ArrayList<>();
        long tick = 0;

        assertAllOff(state);
        for (Action action : actions) {
            Instant at = Script.T0.plusMillis(tick++);
            SwitchboardEvent event = eventFor(action, state, at);
            Transition t = state.apply(event);
            Switchboard after = t.state();

            // -- every state change yields exactly the entries it should
            checkEntries(state, after, event, t);

            // -- features always start off in a new call
            if (event instanceof SwitchboardEvent.FromCall c && c.event() instanceof CallEvent.Joined) {
                assertAllOff(after);
                deliveredToAll.clear();
            }

            // -- no feature (or data sharing) becomes active before its notice was confirmed
            for (Switch s : Switch.values()) {
                if (after.phase(s) == SwitchPhase.ON && state.phase(s) != SwitchPhase.ON) {
                    assertThat(event).isInstanceOf(SwitchboardEvent.NoticeDelivered.class);
                    long seq = ((SwitchboardEvent.NoticeDelivered) event).seq();
                    OutgoingNotice notice = state.inFlight().get(seq);
                    assertThat(notice).as("a delivered notice of ours").isNotNull();
                    assertThat(notice.to()).isEqualTo(Recipient.EVERYONE);
                    if (s == Switch.DATA_SHARING) {
                        assertThat(notice.notice().dataSharing()).isTrue();
                    } else {
                        assertThat(notice.notice().features())
                                .contains(s.feature().orElseThrow());
                    }
                }
            }
            for (EntryDraft e : t.entries()) {
                if (e.kind() == EntryKind.NOTICE_SENT
                        && "everyone".equals(e.fields().get("to"))) {
                    deliveredToAll.add(e.fields());
                }
            }
            for (Feature f : after.activeFeatures()) {
                assertThat(deliveredToAll)
                        .as("%s is active only after a notice naming it was delivered to everyone", f)
                        .anyMatch(n -> ((List<?>) n.get("features")).contains(f.wireName()));
            }

            // -- data sharing is never on while all features are off
            if (after.phase(Switch.DATA_SHARING) != SwitchPhase.OFF) {
                assertThat(after.announcedFeatures()).isNotEmpty();
                assertThat(withDestination).isTrue();
            }
            if (after.sharingActive()) {
                assertThat(after.activeFeatures()).isNotEmpty();
            }

            // -- no input is admitted while its feature is not active
            gate.publish(after);
            for (InputKind kind : InputKind.values()) {
                boolean needed = after.activeFeatures().stream().anyMatch(kind::neededBy);
                for (ParticipantId source : PEOPLE) {
                    boolean admitted = gate.admit(kind, source);
                    boolean told = source.equals(Script.ANA) && after.phase() == CallPhase.IN_CALL
                            || after.informed().contains(source);
                    assertThat(admitted)
                            .as("%s from %s admitted with %s active", kind, source, after.activeFeatures())
                            .isEqualTo(needed && told);
                }
            }
            // Told means a delivered notice that was sent while they were in the call.
            assertThat(after.participants().keySet()).containsAll(after.informed());

            // -- the audio tap runs exactly while the summary is active
            for (Effect e : t.effects()) {
                if (e instanceof Effect.StartAudioTap) {
                    assertThat(tapRunning).isFalse();
                    tapRunning = true;
                } else if (e instanceof Effect.StopAudioTap) {
                    assertThat(tapRunning).isTrue();
                    tapRunning = false;
                }
            }
            assertThat(tapRunning).isEqualTo(after.phase(Feature.SUMMARY) == SwitchPhase.ON);

            // -- turning off is announced; a later joiner is told on joining
            boolean newCall = event instanceof SwitchboardEvent.FromCall c0 && c0.event() instanceof CallEvent.Joined;
            if (state.phase() == CallPhase.IN_CALL
                    && after.phase() == CallPhase.IN_CALL
                    && !newCall
                    && !state.announced().equals(after.announced())) {
                assertThat(sends(t))
                        .anyMatch(n -> n.to().equals(Recipient.EVERYONE)
                                && n.notice().features().equals(after.announcedFeatures()));
            }
            if (event instanceof SwitchboardEvent.FromCall c
                    && c.event() instanceof CallEvent.ParticipantJoined j
                    && state.phase() == CallPhase.IN_CALL
                    && !j.id().equals(Script.ANA)
                    && !state.announcedFeatures().isEmpty()) {
                assertThat(sends(t)).anyMatch(n -> n.to().equals(Recipient.one(j.id())));
            }

            // -- remote notices only ever describe the sender the meeting named
            after.remoteAi().forEach((id, ai) -> assertThat(ai.participant()).isEqualTo(id));
            state = after;
        }
    }

    private static void assertAllOff(Switchboard s) {
        for (Switch sw : Switch.values()) {
            assertThat(s.phase(sw)).isEqualTo(SwitchPhase.OFF);
        }
    }

    private static List<OutgoingNotice> sends(Transition t) {
        return t.effects().stream()
                .filter(Effect.SendNotice.class::isInstance)
                .map(e -> ((Effect.SendNotice) e).notice())
                .toList();
    }

    private static void checkEntries(Switchboard before, Switchboard after, SwitchboardEvent event, Transition t) {
        List<EntryDraft> entries = t.entries();
        // One SWITCH_CHANGED per switch that changed, saying from and to; none otherwise.
        Map<Switch, SwitchPhase> expectedFrom = new EnumMap<>(Switch.class);
        boolean rejoin = event instanceof SwitchboardEvent.FromCall c
                && c.event() instanceof CallEvent.Joined
                && before.phase() == CallPhase.IN_CALL;
        for (Switch s : Switch.values()) {
            if (before.phase(s) != after.phase(s) || (rejoin && before.phase(s) != SwitchPhase.OFF)) {
                expectedFrom.put(s, before.phase(s));
            }
        }
        List<EntryDraft> switchEntries = of(entries, EntryKind.SWITCH_CHANGED);
        Set<Switch> seen = EnumSet.noneOf(Switch.class);
        for (EntryDraft e : switchEntries) {
            Switch s = switchNamed((String) e.fields().get("switch"));
            assertThat(seen.add(s)).as("one entry per switch").isTrue();
            assertThat(expectedFrom).containsKey(s);
            assertThat(e.fields().get("from")).isEqualTo(expectedFrom.get(s).wireName());
            assertThat(e.fields().get("to")).isEqualTo(after.phase(s).wireName());
        }
        assertThat(seen).isEqualTo(expectedFrom.keySet());

        boolean callStarted = event instanceof SwitchboardEvent.FromCall c && c.event() instanceof CallEvent.Joined;
        boolean callEnded = before.phase() == CallPhase.IN_CALL && (after.phase() != CallPhase.IN_CALL || rejoin);
        assertThat(of(entries, EntryKind.CALL_STARTED)).hasSize(callStarted ? 1 : 0);
        assertThat(of(entries, EntryKind.CALL_ENDED)).hasSize(callEnded ? 1 : 0);
        long counts = t.effects().stream()
                .filter(Effect.RecordInputCounts.class::isInstance)
                .count();
        assertThat(counts).isEqualTo(!switchEntries.isEmpty() || callEnded ? 1 : 0);

        boolean delivered = event instanceof SwitchboardEvent.NoticeDelivered d
                && before.inFlight().containsKey(d.seq());
        assertThat(of(entries, EntryKind.NOTICE_SENT)).hasSize(delivered ? 1 : 0);

        List<ConsentMessage> accepted = t.effects().stream()
                .filter(Effect.Received.class::isInstance)
                .map(e -> ((Effect.Received) e).receipt())
                .filter(Receipt.Accepted.class::isInstance)
                .map(r -> ((Receipt.Accepted) r).message())
                .toList();
        assertThat(of(entries, EntryKind.NOTICE_RECEIVED)).hasSize((int) accepted.stream()
                .filter(ConsentMessage.Notice.class::isInstance)
                .count());
        assertThat(of(entries, EntryKind.OBJECTION_RECEIVED)).hasSize((int) accepted.stream()
                .filter(ConsentMessage.Objection.class::isInstance)
                .count());
        long repliesSent = t.effects().stream()
                .filter(e -> e instanceof Effect.SendMessage m && m.message() instanceof ConsentMessage.ObjectionReply)
                .count();
        long repliesReceived = accepted.stream()
                .filter(ConsentMessage.ObjectionReply.class::isInstance)
                .count();
        assertThat(of(entries, EntryKind.OBJECTION_ANSWERED)).hasSize((int) (repliesSent + repliesReceived));

        boolean joined = event instanceof SwitchboardEvent.FromCall c1
                && c1.event() instanceof CallEvent.ParticipantJoined pj
                && before.phase() == CallPhase.IN_CALL
                && !pj.id().equals(Script.ANA);
        boolean left = event instanceof SwitchboardEvent.FromCall c2
                && c2.event() instanceof CallEvent.ParticipantLeft pl
                && before.phase() == CallPhase.IN_CALL
                && before.participants().containsKey(pl.id());
        assertThat(of(entries, EntryKind.PARTICIPANT_JOINED)).hasSize(joined ? 1 : 0);
        assertThat(of(entries, EntryKind.PARTICIPANT_LEFT)).hasSize(left ? 1 : 0);

        long shares = t.effects().stream()
                .filter(Effect.EnqueueShare.class::isInstance)
                .count();
        assertThat(of(entries, EntryKind.SHARE_QUEUED)).hasSize((int) shares);
        if (shares > 0) {
            assertThat(before.sharingActive()).isTrue();
            ShareItem item = ((SwitchboardEvent.OfferShare) event).item();
            assertThat(before.activeFeatures()).contains(item.producedBy());
            int queued = indexOfKind(t.effects(), EntryKind.SHARE_QUEUED);
            int enqueued = indexOf(t.effects(), Effect.EnqueueShare.class);
            assertThat(queued).as("recorded before it is handed to the outbox").isLessThan(enqueued);
        }
    }

    private static int indexOfKind(List<Effect> effects, EntryKind kind) {
        for (int i = 0; i < effects.size(); i++) {
            if (effects.get(i) instanceof Effect.Record r && r.entry().kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<Effect> effects, Class<?> type) {
        for (int i = 0; i < effects.size(); i++) {
            if (type.isInstance(effects.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Switch switchNamed(String name) {
        for (Switch s : Switch.values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("unknown switch " + name);
    }

    private static List<EntryDraft> of(List<EntryDraft> entries, EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    private static SwitchboardEvent eventFor(Action action, Switchboard state, Instant at) {
        Feature feature = Feature.values()[action.a() % 2];
        ParticipantId person = PEOPLE.get(action.b() % PEOPLE.size());
        List<Long> inFlight = List.copyOf(state.inFlight().keySet());
        return switch (action.kind()) {
            case 0, 1 -> new SwitchboardEvent.TurnOn(at, feature);
            case 2 -> new SwitchboardEvent.TurnOff(at, feature);
            case 3 -> new SwitchboardEvent.TurnAllOff(at);
            case 4 -> new SwitchboardEvent.SetDataSharing(at, action.b() % 3 != 0);
            case 5, 6, 7 ->
                inFlight.isEmpty()
                        ? new SwitchboardEvent.NoticeDelivered(at, action.b())
                        : new SwitchboardEvent.NoticeDelivered(at, inFlight.get(action.b() % inFlight.size()));
            case 8 ->
                inFlight.isEmpty()
                        ? new SwitchboardEvent.NoticeFailed(at, action.b(), "gone")
                        : new SwitchboardEvent.NoticeFailed(at, inFlight.get(action.b() % inFlight.size()), "gone");
            case 9 -> call(new CallEvent.ParticipantJoined(at, person, "P" + action.a()));
            case 10 -> call(new CallEvent.ParticipantLeft(at, person));
            case 11 -> call(new CallEvent.EndpointMessageReceived(at, person, noticeJson(action, at)));
            case 12 ->
                call(new CallEvent.EndpointMessageReceived(
                        at, person, CODEC.encode(new ConsentMessage.Objection(action.a(), at, Set.of()))));
            case 13 ->
                call(new CallEvent.EndpointMessageReceived(
                        at,
                        person,
                        CODEC.encode(new ConsentMessage.ObjectionReply(
                                action.a(), at, action.b() % 4, ObjectionAnswer.values()[action.a() % 2]))));
            case 14 -> new SwitchboardEvent.AnswerObjection(at, person, ObjectionAnswer.values()[action.a() % 2]);
            case 15 -> new SwitchboardEvent.RaiseObjection(at, person);
            case 16 -> new SwitchboardEvent.OfferShare(at, new ShareItem("item-" + action.b(), "summary", feature));
            case 17 -> call(new CallEvent.Left(at, "hangup"));
            case 18 -> call(new CallEvent.Joined(at, Script.ANA, "Ana", "Room " + action.a()));
            case 19 -> call(new CallEvent.EndpointMessageReceived(at, person, garbage(action)));
            case 20 -> call(new CallEvent.DisplayNameChanged(at, person, "Name " + action.a()));
            case 21 ->
                call(new CallEvent.ConnectionChanged(at, CallEvent.ConnectionState.values()[action.a() % 5], "detail"));
            default -> call(new CallEvent.ChatReceived(at, person, "P", "hello", false));
        };
    }

    private static SwitchboardEvent call(CallEvent e) {
        return new SwitchboardEvent.FromCall(e);
    }

    private static String noticeJson(Action action, Instant at) {
        Set<Feature> features =
                switch (action.a() % 4) {
                    case 0 -> Set.of();
                    case 1 -> Set.of(Feature.SUMMARY);
                    case 2 -> Set.of(Feature.COMPOSE);
                    default -> Set.of(Feature.SUMMARY, Feature.COMPOSE);
                };
        return CODEC.encode(new ConsentMessage.Notice(
                action.b() % 7, at, features, !features.isEmpty() && action.b() % 2 == 0, action.a() % 3 != 0));
    }

    private static String garbage(Action action) {
        List<String> samples = List.of(
                "",
                "{",
                "null",
                "{\"candor\":2}",
                "{\"candor\":1,\"type\":\"notice\"}",
                "\ud800",
                "[[[[[[[[[[[[[]]]]]]]]]]]]]",
                "<script>alert(1)</script>",
                "x".repeat(5000));
        return samples.get(action.a() % samples.size());
    }
}
