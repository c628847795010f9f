package dev.candor.consent;

import java.util.Optional;

/**
 * An AI feature a user can switch on for one call. Each is off at the start of every call and only
 * becomes active after everyone in the call has been told (promise 2).
 */
public enum Feature {
    /** The meeting summary: needs what is said (audio, transcript) and the chat. */
    SUMMARY("summary"),
    /** Chat compose help: needs the chat only, so it never starts the audio tap. */
    COMPOSE("compose");

    private final String wireName;

    Feature(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in notices on the wire and in ledger entries. */
    public String wireName() {
        return wireName;
    }

    /** The feature with this wire name, if any; exact match only (wire input is untrusted). */
    public static Optional<Feature> fromWireName(String name) {
        for (Feature f : values()) {
            if (f.wireName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The bit of this feature in the gate's mask. */
    int bit() {
        return 1 << ordinal();
    }
}
