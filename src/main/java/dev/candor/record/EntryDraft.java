package dev.candor.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An entry the core wants written to the ledger, before it has a sequence number, time or hash.
 * Field values are JSON-compatible (String, Number, Boolean, List, Map, null); the ledger stores
 * them as canonical JSON and chains their hash.
 */
public record EntryDraft(EntryKind kind, Map<String, Object> fields) {
    public EntryDraft {
        Objects.requireNonNull(kind, "kind");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
