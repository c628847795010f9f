package dev.candor.ui.join;

import java.util.Optional;

/**
 * What the command line or a launched link fills into the join screen before it shows: a
 * server text ({@code local} for the room on this computer), a room and a display name.
 */
public record JoinPrefill(Optional<String> server, Optional<String> room, Optional<String> displayName) {
    /** Nothing to fill in. */
    public static JoinPrefill none() {
        return new JoinPrefill(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
