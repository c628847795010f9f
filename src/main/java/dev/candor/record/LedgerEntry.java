package dev.candor.record;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One chained entry of the ledger as stored: its global sequence number, its place in its call,
 * its fields, the hashes that chain it, and the deletable content it points to (empty once deleted
 * or if it never had any).
 *
 * @param seq global sequence number, 1-based, gap-free across all calls
 * @param callSeq position within its call, 0-based (0 is {@code CALL_STARTED})
 * @param fields the chained fields; deletable content is represented by {@link EntryFields#CONTENT_HASH}
 *     and {@link EntryFields#CONTENT_BYTES}, never by the content itself. Numbers may come back as
 *     Integer or Long depending on size: read them with {@link #number}
 * @param hash SHA-256 (lower-case hex) of {@link #body}
 * @param prev hash of the previous entry in the whole ledger (64 zeros for the first)
 * @param prevInCall hash of the previous entry of the same call (64 zeros for the first)
 * @param body the canonical JSON text the hash is computed over
 * @param content the deletable content, if the entry has some and it has not been deleted
 */
public record LedgerEntry(
        long seq,
        CallId callId,
        long callSeq,
        EntryKind kind,
        Instant at,
        Map<String, Object> fields,
        String hash,
        String prev,
        String prevInCall,
        String body,
        Optional<String> content) {
    public LedgerEntry {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(kind, "kind");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Whether the entry was written with deletable content (transcript text, AI output, payload copy). */
    public boolean hasContent() {
        return fields.containsKey(EntryFields.CONTENT_HASH);
    }

    /** Whether the entry had deletable content that has since been deleted (a tombstone says when). */
    public boolean contentDeleted() {
        return hasContent() && content.isEmpty();
    }

    /** A string field, or empty when absent or not a string. */
    public Optional<String> text(String field) {
        return fields.get(field) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A whole-number field, or empty when absent or not a number. */
    public Optional<Long> number(String field) {
        return fields.get(field) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }
}
