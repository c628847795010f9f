package dev.candor.meeting.jitsi;

import dev.candor.meeting.PageCallSession;
import dev.candor.meeting.PageChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A Jitsi Meet call as a {@link dev.candor.call.CallSession}: Candor shows the host page ({@link
 * JitsiHostPageServer#url(JitsiMeeting)}), which loads the deployment's {@code external_api.js},
 * creates {@code JitsiMeetExternalAPI} and maps its IFrame API events (videoConferenceJoined,
 * participantJoined, incomingMessage, endpointTextMessageReceived, …) and commands
 * (sendChatMessage, sendEndpointTextMessage, displayName, toggleAudio, toggleVideo, hangup) onto the
 * bridge protocol of {@link PageCallSession}. A server that cannot be reached, that is not a Jitsi
 * deployment, or that does not let this client join within the timeout ends in a typed failure.
 * Threads as in {@link PageCallSession}.
 */
public final class JitsiMeetCallSession extends PageCallSession {
    /** How long a join may take by default (the Jitsi page loads a few MB first). */
    public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(45);

    public JitsiMeetCallSession(
            PageChannel channel, Clock clock, ScheduledExecutorService timer, Duration joinTimeout) {
        super(channel, clock, timer, joinTimeout);
    }

    @Override
    protected String failureText(String code, String pageText) {
        return switch (code) {
            case SERVER_UNREACHABLE -> "The Jitsi server could not be reached. Check the address and your network.";
            case NOT_A_MEETING_SERVER -> "That address answered, but it is not a Jitsi Meet server.";
            case JOIN_TIMEOUT -> "The Jitsi server did not let you into the meeting in time.";
            default -> super.failureText(code, pageText);
        };
    }
}
