package dev.candor.meeting.localroom;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * A signalling message from a room page to the server: the strict schema every message must match
 * (unknown types or fields, wrong value types, and over-long texts are rejected). A message never
 * says who sent it; the server attaches the sender's server-assigned id when it relays.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Join.class, name = "join"),
    @JsonSubTypes.Type(value = ClientMessage.Signal.class, name = "signal"),
    @JsonSubTypes.Type(value = ClientMessage.Chat.class, name = "chat"),
    @JsonSubTypes.Type(value = ClientMessage.Endpoint.class, name = "endpoint"),
    @JsonSubTypes.Type(value = ClientMessage.Name.class, name = "name"),
    @JsonSubTypes.Type(value = ClientMessage.Mute.class, name = "mute"),
    @JsonSubTypes.Type(value = ClientMessage.Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping")
})
sealed interface ClientMessage {
    int MAX_NAME_CHARS = 64;
    int MAX_CHAT_CHARS = 4000;
    int MAX_ENDPOINT_CHARS = 16 * 1024;
    Pattern PEER_ID = Pattern.compile("[0-9a-f]{8}");

    /** First message: enter the room under a display name. */
    record Join(String name) implements ClientMessage {
        public Join {
            name = displayName(name);
        }
    }

    /** A WebRTC offer, answer or ICE candidate for one peer; relayed untouched. */
    record Signal(String to, JsonNode data) implements ClientMessage {
        public Signal {
            to = peer(to, false);
            if (data == null || !data.isObject()) {
                throw new IllegalArgumentException("signal data must be an object");
            }
        }
    }

    /** A chat line to everyone ({@code to} empty or absent) or privately to one peer. */
    record Chat(String to, String text) implements ClientMessage {
        public Chat {
            to = peer(to, true);
            text = checkedText(text, MAX_CHAT_CHARS);
        }
    }

    /** An endpoint (machine-readable) message to everyone or one peer. */
    record Endpoint(String to, String text) implements ClientMessage {
        public Endpoint {
            to = peer(to, true);
            text = checkedText(text, MAX_ENDPOINT_CHARS);
        }
    }

    /** A new display name. */
    record Name(String name) implements ClientMessage {
        public Name {
            name = displayName(name);
        }
    }

    /** This peer's current mute state. */
    record Mute(Boolean audio, Boolean video) implements ClientMessage {
        public Mute {
            if (audio == null || video == null) {
                throw new IllegalArgumentException("mute needs audio and video");
            }
        }
    }

    /** Leaving on purpose (closing the socket means the same). */
    record Leave() implements ClientMessage {}

    /** Keeps an idle connection open (browsers send no WebSocket pings of their own). */
    record Ping() implements ClientMessage {}

    private static String displayName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name missing");
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty()
                || trimmed.length() > MAX_NAME_CHARS
                || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name must be 1.." + MAX_NAME_CHARS + " printable characters");
        }
        return trimmed;
    }

    private static String peer(String to, boolean emptyMeansEveryone) {
        if ((to == null || to.isEmpty()) && emptyMeansEveryone) {
            return "";
        }
        if (to == null || !PEER_ID.matcher(to).matches()) {
            throw new IllegalArgumentException("illegal peer id");
        }
        return to;
    }

    private static String checkedText(String text, int max) {
        if (text == null || text.isEmpty() || text.length() > max) {
            throw new IllegalArgumentException("text must be 1.." + max + " characters");
        }
        return text;
    }
}
