package dev.candor.consent;

import java.util.Optional;

/** How the AI user answered a participant's request to stop. */
public enum ObjectionAnswer {
    TURNED_OFF("turned-off"),
    KEPT_ON("kept-on");

    private final String wireName;

    ObjectionAnswer(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ObjectionAnswer> fromWireName(String name) {
        for (ObjectionAnswer a : values()) {
            if (a.wireName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
