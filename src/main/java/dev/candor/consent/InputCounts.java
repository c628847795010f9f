package dev.candor.consent;

import java.util.Map;

/** How many inputs of each kind the gate admitted and refused in one call so far. */
public record InputCounts(Map<InputKind, Count> byKind) {
    public InputCounts {
        byKind = Map.copyOf(byKind);
    }

    public Count of(InputKind kind) {
        return byKind.getOrDefault(kind, new Count(0, 0));
    }

    /** Admitted and refused inputs of one kind. */
    public record Count(long admitted, long refused) {}
}
