package dev.candor.consent;

import dev.candor.record.EntryDraft;
import java.util.List;

/** The result of applying one event to a switchboard: the new state and the effects to perform, in order. */
public record Transition(Switchboard state, List<Effect> effects) {
    public Transition {
        effects = List.copyOf(effects);
    }

    /** The ledger entries among the effects, in order. */
    public List<EntryDraft> entries() {
        return effects.stream()
                .filter(Effect.Record.class::isInstance)
                .map(e -> ((Effect.Record) e).entry())
                .toList();
    }
}
