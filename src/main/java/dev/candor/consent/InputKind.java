package dev.candor.consent;

/**
 * The kinds of AI input that pass the {@link InputGate}, each with the features that need it.
 * Audio and transcript are admitted only while {@link Feature#SUMMARY} is active (compose help
 * works on the chat alone, so it never hears the call); chat is admitted while either feature is.
 */
public enum InputKind {
    AUDIO(Feature.SUMMARY.bit()),
    TRANSCRIPT(Feature.SUMMARY.bit()),
    CHAT(Feature.SUMMARY.bit() | Feature.COMPOSE.bit());

    private final int neededMask;

    InputKind(int neededMask) {
        this.neededMask = neededMask;
    }

    /** Bits of the features any one of which admits this input. */
    int neededMask() {
        return neededMask;
    }

    /** Whether this input is needed by the given feature. */
    public boolean neededBy(Feature feature) {
        return (neededMask & feature.bit()) != 0;
    }

    /** The name used in ledger entries. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
