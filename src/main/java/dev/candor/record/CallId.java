package dev.candor.record;

import java.util.Objects;
import java.util.UUID;

/** The ledger's own id of one call (a random UUID), stable across export and review. */
public record CallId(String value) {
    public CallId {
        Objects.requireNonNull(value, "value");
        UUID.fromString(value); // rejects anything that is not a UUID, e.g. a hostile import
    }

    /** A fresh random id for a call that is starting. */
    public static CallId random() {
        return new CallId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
