package dev.candor.ui.settings;

import java.time.Instant;
import java.util.Objects;

/** A meeting joined before, as kept in settings: the server text, the room and when. */
public record RecentMeeting(String server, String room, Instant lastJoined) {
    public RecentMeeting {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(room, "room");
        lastJoined = lastJoined == null ? Instant.EPOCH : lastJoined;
    }

    /** Whether this is the same meeting (same server and room), whenever it was joined. */
    public boolean sameMeeting(String otherServer, String otherRoom) {
        return server.equalsIgnoreCase(otherServer) && room.equals(otherRoom);
    }
}
