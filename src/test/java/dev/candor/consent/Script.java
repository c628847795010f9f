package dev.candor.consent;

import dev.candor.call.CallEvent;
import dev.candor.call.ParticipantId;
import dev.candor.record.EntryDraft;
import dev.candor.record.EntryKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drives a switchboard through a call in tests, keeping every effect; delivers notices like an adapter would. */
final class Script {
    static final Instant T0 = Instant.parse("2026-11-25T15:00:00Z");
    static final ParticipantId ANA = new ParticipantId("ana-1");
    static final ParticipantId BOB = new ParticipantId("bob-2");
    static final ParticipantId CAROL = new ParticipantId("carol-3");

    Switchboard state;
    final List<Effect> effects = new ArrayList<>();
    Transition last;
    private long tick;

    Script(CallSettings settings) {
        state = Switchboard.newCall(settings);
    }

    static Script joined() {
        return joined(CallSettings.defaults());
    }

    static Script joined(CallSettings settings) {
        Script s = new Script(settings);
        s.apply(new SwitchboardEvent.FromCall(new CallEvent.Joined(s.now(), ANA, "Ana", "Standup")));
        return s;
    }

    Instant now() {
        return T0.plusMillis(tick++);
    }

    Transition apply(SwitchboardEvent event) {
        last = state.apply(event);
        state = last.state();
        effects.addAll(last.effects());
        return last;
    }

    Transition call(CallEvent event) {
        return apply(new SwitchboardEvent.FromCall(event));
    }

    Transition turnOn(Feature f) {
        return apply(new SwitchboardEvent.TurnOn(now(), f));
    }

    Transition turnOff(Feature f) {
        return apply(new SwitchboardEvent.TurnOff(now(), f));
    }

    Transition sharing(boolean on) {
        return apply(new SwitchboardEvent.SetDataSharing(now(), on));
    }

    /** Confirms every notice of the last transition, as the operator does when sending succeeds. */
    List<Transition> deliverLast() {
        List<Transition> out = new ArrayList<>();
        for (Effect e : List.copyOf(last.effects())) {
            if (e instanceof Effect.SendNotice n) {
                out.add(apply(new SwitchboardEvent.NoticeDelivered(now(), n.seq())));
            }
        }
        return out;
    }

    Transition turnOnAndDeliver(Feature f) {
        turnOn(f);
        List<Transition> delivered = deliverLast();
        return delivered.get(delivered.size() - 1);
    }

    Transition joins(ParticipantId id, String name) {
        return call(new CallEvent.ParticipantJoined(now(), id, name));
    }

    Transition endpoint(ParticipantId from, String text) {
        return call(new CallEvent.EndpointMessageReceived(now(), from, text));
    }

    static <T extends Effect> List<T> of(Transition t, Class<T> type) {
        return t.effects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<EntryDraft> entries(Transition t, EntryKind kind) {
        return t.entries().stream().filter(e -> e.kind() == kind).toList();
    }
}
