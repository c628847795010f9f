package dev.candor.record;

import java.util.Objects;

/**
 * What the ledger records about a call when it starts: the meeting server (e.g. {@code meet.jit.si}
 * or {@code local}), the room name, and the display name the user joined with.
 */
public record CallInfo(String server, String room, String displayName) {
    public CallInfo {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(displayName, "displayName");
    }
}
