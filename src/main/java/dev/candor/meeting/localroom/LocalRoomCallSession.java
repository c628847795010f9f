package dev.candor.meeting.localroom;

import dev.candor.meeting.PageCallSession;
import dev.candor.meeting.PageChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The local room as a {@link dev.candor.call.CallSession}: Candor shows the room page ({@link
 * LocalRoomServer#url(String, String)}) in its embedded browser and talks to it through the
 * page's {@code candorBridge}. Threads as in {@link PageCallSession}.
 */
public final class LocalRoomCallSession extends PageCallSession {
    public LocalRoomCallSession(
            PageChannel channel, Clock clock, ScheduledExecutorService timer, Duration joinTimeout) {
        super(channel, clock, timer, joinTimeout);
    }

    @Override
    protected String failureText(String code, String pageText) {
        return switch (code) {
            case SERVER_UNREACHABLE, "connection-lost" -> "The local room server could not be reached.";
            case JOIN_TIMEOUT -> "Joining the local room took too long. Is the room server still running?";
            case "room-full" -> "This room is full: at most 6 people can take part.";
            default -> super.failureText(code, pageText);
        };
    }
}
