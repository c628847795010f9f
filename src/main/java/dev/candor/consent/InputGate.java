package dev.candor.consent;

import dev.candor.call.ParticipantId;
import dev.candor.record.EntryDraft;
import dev.candor.record.EntryKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one gate every AI input of a call passes: an audio chunk, a chat message or a transcript
 * segment reaches an AI engine only if {@link #admit} says so, which it does only while a feature
 * that needs that input is active ({@link InputKind} says which) and the person the input comes
 * from has been told (a later joiner only once their private notice went out). It counts what it
 * admits and refuses, per input kind, for the call's record.
 *
 * <p>Threads: {@link #admit} may be called from any thread (the audio tap delivers on CEF's
 * threads); it reads one volatile reference to an immutable snapshot and bumps a {@link LongAdder},
 * so it neither locks nor allocates. Only the call executor calls {@link #publish}, after each
 * switchboard transition and before that transition's effects are performed, so "off" closes the
 * gate before anything else. A decision is ordered by its volatile read: an input whose decision
 * read the snapshot before a switch went off was admitted while the feature was still active.
 */
public final class InputGate {
    private static final int KINDS = InputKind.values().length;

    /** What the gate decides on, replaced as a whole so that a decision never sees half an update. */
    private record Snapshot(int activeMask, ParticipantId self, Set<ParticipantId> informed) {}

    private static final Snapshot CLOSED = new Snapshot(0, null, Set.of());

    private volatile Snapshot snapshot = CLOSED;
    private final LongAdder[] admitted = new LongAdder[KINDS];
    private final LongAdder[] refused = new LongAdder[KINDS];

    /** A closed gate for a new call, with zero counts. */
    public InputGate() {
        for (int i = 0; i < KINDS; i++) {
            admitted[i] = new LongAdder();
            refused[i] = new LongAdder();
        }
    }

    /**
     * Decides, and counts, whether one input of this kind from {@code source} (the speaker of an
     * audio chunk or transcript segment, the sender of a chat message) may reach an AI engine now.
     */
    public boolean admit(InputKind kind, ParticipantId source) {
        Snapshot s = snapshot;
        int i = kind.ordinal();
        if ((s.activeMask & kind.neededMask()) != 0 && (source.equals(s.self) || s.informed.contains(source))) {
            admitted[i].increment();
            return true;
        }
        refused[i].increment();
        return false;
    }

    /** Whether a feature is active right now, without counting anything (for the UI and engines). */
    public boolean isActive(Feature feature) {
        return (snapshot.activeMask & feature.bit()) != 0;
    }

    /** Opens and closes the gate to match the switchboard. Call executor only. */
    void publish(Switchboard state) {
        Snapshot current = snapshot;
        int mask = state.phase() == CallPhase.IN_CALL ? state.activeMask() : 0;
        if (mask == 0) {
            snapshot = CLOSED;
        } else if (mask != current.activeMask
                || !state.informed().equals(current.informed)
                || !state.self().orElse(null).equals(current.self)) {
            snapshot = new Snapshot(mask, state.self().orElse(null), state.informed());
        }
    }

    /** The counts so far, for the ledger and the review screen. */
    public InputCounts counts() {
        Map<InputKind, InputCounts.Count> counts = new LinkedHashMap<>();
        for (InputKind kind : InputKind.values()) {
            counts.put(kind, new InputCounts.Count(admitted[kind.ordinal()].sum(), refused[kind.ordinal()].sum()));
        }
        return new InputCounts(counts);
    }

    /** The INPUT_COUNTS entry of the counts so far. */
    public EntryDraft countsEntry(String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", reason);
        counts().byKind().forEach((kind, count) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("admitted", count.admitted());
            c.put("refused", count.refused());
            fields.put(kind.wireName(), c);
        });
        return new EntryDraft(EntryKind.INPUT_COUNTS, fields);
    }
}
