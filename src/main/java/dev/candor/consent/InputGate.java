package dev.candor.consent;

import dev.candor.record.EntryDraft;
import dev.candor.record.EntryKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one gate every AI input of a call passes: an audio chunk, a chat message or a transcript
 * segment reaches an AI engine only if {@link #admit} says so, which it does only while a feature
 * that needs that input is active ({@link InputKind} says which). It counts what it admits and
 * refuses, per input kind, for the call's record.
 *
 * <p>Threads: {@link #admit} may be called from any thread (the audio tap delivers on CEF's
 * threads); it reads one volatile int and bumps a {@link LongAdder}, so it neither locks nor
 * allocates. Only the call executor calls {@link #publish}, after each switchboard transition and
 * before that transition's effects are performed, so "off" closes the gate before anything else.
 * A decision is ordered by its volatile read: an input whose decision read the mask before a
 * switch went off was admitted while the feature was still active.
 */
public final class InputGate {
    private static final int KINDS = InputKind.values().length;

    private volatile int activeMask;
    private final LongAdder[] admitted = new LongAdder[KINDS];
    private final LongAdder[] refused = new LongAdder[KINDS];

    /** A closed gate for a new call, with zero counts. */
    public InputGate() {
        for (int i = 0; i < KINDS; i++) {
            admitted[i] = new LongAdder();
            refused[i] = new LongAdder();
        }
    }

    /** Decides, and counts, whether one input of this kind may reach an AI engine now. */
    public boolean admit(InputKind kind) {
        int i = kind.ordinal();
        if ((activeMask & kind.neededMask()) != 0) {
            admitted[i].increment();
            return true;
        }
        refused[i].increment();
        return false;
    }

    /** Whether a feature is active right now, without counting anything (for the UI and engines). */
    public boolean isActive(Feature feature) {
        return (activeMask & feature.bit()) != 0;
    }

    /** Opens and closes the gate to match the switchboard's active features. Call executor only. */
    void publish(Switchboard state) {
        activeMask = state.phase() == CallPhase.IN_CALL ? state.activeMask() : 0;
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
