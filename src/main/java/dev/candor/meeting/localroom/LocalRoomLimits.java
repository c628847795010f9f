package dev.candor.meeting.localroom;

import java.util.Set;

/**
 * The local room server's limits: people per room (a WebRTC mesh stops paying beyond 6), size of
 * one signalling message, and a per-connection token bucket ({@code burst} messages, refilled at
 * {@code perSecond}). {@code extraOrigins} are browser origins besides the server's own that may
 * open the signalling socket (normally none).
 */
public record LocalRoomLimits(
        int maxParticipants, int maxMessageBytes, int burst, double perSecond, Set<String> extraOrigins) {
    /** The defaults: 6 people, 64 KiB, bursts of 200 messages and 50 per second sustained. */
    public static final LocalRoomLimits DEFAULT = new LocalRoomLimits(6, 64 * 1024, 200, 50, Set.of());

    public LocalRoomLimits {
        if (maxParticipants < 1 || maxMessageBytes < 1024 || burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("local room limits out of range");
        }
        extraOrigins = Set.copyOf(extraOrigins);
    }

    public LocalRoomLimits withRate(int burst, double perSecond) {
        return new LocalRoomLimits(maxParticipants, maxMessageBytes, burst, perSecond, extraOrigins);
    }

    public LocalRoomLimits withExtraOrigins(Set<String> origins) {
        return new LocalRoomLimits(maxParticipants, maxMessageBytes, burst, perSecond, origins);
    }
}
