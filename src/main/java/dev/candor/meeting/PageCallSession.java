package dev.candor.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.call.CallCommand;
import dev.candor.call.CallEvent;
import dev.candor.call.CallEvent.ConnectionState;
import dev.candor.call.CallSession;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CallSession} realised by a meeting page (the Jitsi host page or the local room page)
 * behind a {@link PageChannel}. Both pages speak the same bridge protocol, whose message types are
 * the Jitsi IFrame API event and command names (https://jitsi.github.io/handbook/docs/dev-guide/dev-guide-iframe).
 *
 * <p>Page → Java: {@code videoConferenceJoined {id, displayName, roomName}}, {@code
 * videoConferenceLeft {roomName, reason}}, {@code participantJoined {id, displayName}}, {@code
 * participantLeft {id}}, {@code displayNameChange {id, displayName}}, {@code incomingMessage {from,
 * nick, message, privateMessage}}, {@code endpointTextMessageReceived {from, text}}, {@code
 * dominantSpeakerChanged {id}}, {@code audioMuteStatusChanged {muted}}, {@code
 * videoMuteStatusChanged {muted}}, {@code readyToClose {}}, {@code errorOccurred {name, message,
 * isFatal}}, {@code loadFailed {reason, detail}}.
 *
 * <p>Java → page: {@code sendChatMessage {message, to}}, {@code sendEndpointTextMessage {to,
 * text}} (an empty {@code to} addresses everyone, as in the IFrame API), {@code displayName
 * {displayName}}, {@code toggleAudio {}}, {@code toggleVideo {}}, {@code hangup {}}.
 *
 * <p>Threads: events are delivered on the channel's receiving thread, or on the timer thread for a
 * join timeout, never two at once. A fatal failure is a {@link CallEvent.Failed} followed by
 * {@link CallEvent.ConnectionChanged} to {@code FAILED}; the UI offers "Try again" and "Back".
 */
public class PageCallSession implements CallSession {
    /** Failure code: the page could not load the meeting's script (server down or not reachable). */
    public static final String SERVER_UNREACHABLE = "server-unreachable";
    /** Failure code: the server answered, but is not a meeting server of the expected kind. */
    public static final String NOT_A_MEETING_SERVER = "not-a-meeting-server";
    /** Failure code: the page did not report joining within the join timeout. */
    public static final String JOIN_TIMEOUT = "join-timeout";

    private static final Logger LOG = LoggerFactory.getLogger(PageCallSession.class);
    private static final int MAX_TEXT_CHARS = 64 * 1024;

    private final PageChannel channel;
    private final Clock clock;
    private final Object lock = new Object();
    private final ScheduledFuture<?> joinTimer;
    private Consumer<CallEvent> listener = event -> {};
    private boolean joined;
    private boolean left;
    private boolean closed;
    private boolean failed;
    private boolean audioMuted;
    private boolean videoMuted;

    /**
     * Starts listening to the page at once and starts the join timer.
     *
     * @param timer runs the join timeout; owned by the caller
     */
    public PageCallSession(PageChannel channel, Clock clock, ScheduledExecutorService timer, Duration joinTimeout) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
        channel.onMessage(this::receive);
        this.joinTimer = timer.schedule(this::joinTimedOut, joinTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onEvent(Consumer<CallEvent> listener) {
        synchronized (lock) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }
    }

    @Override
    public void send(CallCommand command) {
        Objects.requireNonNull(command, "command");
        channel.send(toPage(command));
    }

    /** Maps a command to the page message the bridge scripts understand. */
    static PageMessage toPage(CallCommand command) {
        // Java 17: no pattern matching for switch, so an instanceof chain over the sealed type.
        ObjectNode p = PageMessage.newPayload();
        if (command instanceof CallCommand.SendChat chat) {
            p.put("message", chat.text());
            p.put("to", recipientId(chat.to()));
            return new PageMessage("sendChatMessage", p);
        } else if (command instanceof CallCommand.SendEndpointMessage endpoint) {
            p.put("to", recipientId(endpoint.to()));
            p.put("text", endpoint.text());
            return new PageMessage("sendEndpointTextMessage", p);
        } else if (command instanceof CallCommand.SetDisplayName name) {
            p.put("displayName", name.displayName());
            return new PageMessage("displayName", p);
        } else if (command instanceof CallCommand.ToggleAudio) {
            return PageMessage.of("toggleAudio");
        } else if (command instanceof CallCommand.ToggleVideo) {
            return PageMessage.of("toggleVideo");
        } else if (command instanceof CallCommand.HangUp) {
            return PageMessage.of("hangup");
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static String recipientId(Recipient to) {
        return to instanceof Recipient.One one ? one.id().value() : "";
    }

    @Override
    public void close() {
        boolean hangUp;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            hangUp = joined && !left;
            listener = event -> {};
        }
        joinTimer.cancel(false);
        if (hangUp) {
            channel.send(PageMessage.of("hangup"));
        }
    }

    /** The message a person sees for a failure code; subclasses name their kind of server. */
    protected String failureText(String code, String pageText) {
        return switch (code) {
            case SERVER_UNREACHABLE -> "The meeting server could not be reached. Check the address and your network.";
            case NOT_A_MEETING_SERVER -> "That address answered, but it is not a meeting server.";
            case JOIN_TIMEOUT -> "Joining the meeting took too long.";
            default -> pageText.isBlank() ? "The meeting reported an error (" + code + ")." : pageText;
        };
    }

    private void joinTimedOut() {
        synchronized (lock) {
            if (joined || failed || closed) {
                return;
            }
            fail(now(), JOIN_TIMEOUT, "");
        }
    }

    private void receive(PageMessage message) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                dispatch(message, now());
            } catch (IllegalArgumentException e) {
                // A page relays what remote participants typed: a bad message is dropped, never fatal.
                LOG.warn("Dropped malformed bridge message of type {}: {}", message.type(), e.getMessage());
            }
        }
    }

    private void dispatch(PageMessage m, Instant at) {
        ObjectNode p = m.payload();
        switch (m.type()) {
            case "videoConferenceJoined" -> {
                if (joined) {
                    return;
                }
                joined = true;
                joinTimer.cancel(false);
                emit(new CallEvent.ConnectionChanged(at, ConnectionState.CONNECTED, ""));
                emit(new CallEvent.Joined(at, id(p, "id"), text(p, "displayName"), text(p, "roomName")));
            }
            case "videoConferenceLeft" -> {
                if (left) {
                    return;
                }
                left = true;
                String reason = text(p, "reason");
                emit(new CallEvent.Left(at, reason.isEmpty() ? "left" : reason));
                emit(new CallEvent.ConnectionChanged(at, ConnectionState.CLOSED, ""));
            }
            case "participantJoined" -> emit(new CallEvent.ParticipantJoined(at, id(p, "id"), text(p, "displayName")));
            case "participantLeft" -> emit(new CallEvent.ParticipantLeft(at, id(p, "id")));
            case "displayNameChange" -> emit(new CallEvent.DisplayNameChanged(at, id(p, "id"), text(p, "displayName")));
            case "incomingMessage" ->
                emit(new CallEvent.ChatReceived(
                        at,
                        id(p, "from"),
                        text(p, "nick"),
                        required(p, "message"),
                        p.path("privateMessage").asBoolean(false)));
            case "endpointTextMessageReceived" ->
                emit(new CallEvent.EndpointMessageReceived(at, id(p, "from"), required(p, "text")));
            case "dominantSpeakerChanged" -> emit(new CallEvent.DominantSpeakerChanged(at, id(p, "id")));
            case "audioMuteStatusChanged" -> {
                audioMuted = bool(p, "muted");
                emit(new CallEvent.MuteChanged(at, audioMuted, videoMuted));
            }
            case "videoMuteStatusChanged" -> {
                videoMuted = bool(p, "muted");
                emit(new CallEvent.MuteChanged(at, audioMuted, videoMuted));
            }
            case "readyToClose" -> emit(new CallEvent.ReadyToClose(at));
            case "errorOccurred" -> {
                String name = text(p, "name");
                String code = name.isEmpty() ? "error" : name;
                if (p.path("isFatal").asBoolean(false)) {
                    fail(at, code, text(p, "message"));
                } else {
                    emit(new CallEvent.Failed(at, code, failureText(code, text(p, "message"))));
                }
            }
            case "loadFailed" -> {
                String reason = text(p, "reason");
                fail(at, "notMeetingServer".equals(reason) ? NOT_A_MEETING_SERVER : SERVER_UNREACHABLE, "");
                LOG.info("Meeting page could not load its server: {}", reason);
            }
            default -> LOG.debug("Ignored bridge message of unknown type {}", m.type());
        }
    }

    private void fail(Instant at, String code, String pageText) {
        if (failed) {
            return;
        }
        failed = true;
        joinTimer.cancel(false);
        emit(new CallEvent.Failed(at, code, failureText(code, pageText)));
        emit(new CallEvent.ConnectionChanged(at, ConnectionState.FAILED, code));
    }

    private void emit(CallEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.error("Call event listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static ParticipantId id(ObjectNode p, String field) {
        JsonNode node = p.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("missing participant id " + field);
        }
        return new ParticipantId(node.asText());
    }

    private static String text(ObjectNode p, String field) {
        JsonNode node = p.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual() || node.asText().length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException(field + " is not a text of acceptable size");
        }
        return node.asText();
    }

    private static String required(ObjectNode p, String field) {
        JsonNode node = p.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return text(p, field);
    }

    private static boolean bool(ObjectNode p, String field) {
        JsonNode node = p.get(field);
        if (node == null || !node.isBoolean()) {
            throw new IllegalArgumentException(field + " is not a boolean");
        }
        return node.asBoolean();
    }
}
