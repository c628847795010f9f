package dev.candor.meeting.localroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room page's signalling connection. It must first join; afterwards its signals, chat and
 * endpoint messages are relayed with its server-assigned id as sender. Any message that breaks
 * the schema, the rate or the order closes the connection with a close reason saying why.
 *
 * <p>Threads: Jetty calls one connection's methods one at a time; room state is shared under
 * {@link Rooms#lock()}.
 */
public final class SignalSocket implements Session.Listener.AutoDemanding {
    /** Close codes in the private range, so the page can tell the person what happened. */
    static final int CLOSE_MALFORMED = 4400;

    static final int CLOSE_ROOM_FULL = 4409;
    static final int CLOSE_RATE = 4429;

    private static final Logger LOG = LoggerFactory.getLogger(SignalSocket.class);
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // A number or boolean where a text belongs is a schema error, not a text.
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private final Rooms rooms;
    private final String room;
    private final RateLimiter rate;
    private Session session;
    private Peer self;

    SignalSocket(Rooms rooms, String room, LocalRoomLimits limits) {
        this.rooms = rooms;
        this.room = room;
        this.rate = new RateLimiter(limits.burst(), limits.perSecond(), System.nanoTime());
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String text) {
        if (!rate.tryAcquire(System.nanoTime())) {
            LOG.info("Closing a signalling connection in room {}: over its message rate", room);
            close(CLOSE_RATE, "rate limit exceeded");
            return;
        }
        ClientMessage message;
        try {
            message = JSON.readValue(text, ClientMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.debug("Malformed signalling message in room {}", room, e);
            close(CLOSE_MALFORMED, "malformed message: " + firstLine(e));
            return;
        }
        if (message == null) {
            close(CLOSE_MALFORMED, "malformed message: empty");
            return;
        }
        handle(message);
    }

    @Override
    public void onWebSocketBinary(java.nio.ByteBuffer payload, Callback callback) {
        callback.succeed();
        close(CLOSE_MALFORMED, "malformed message: binary frames are not accepted");
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        leave();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Signalling connection error in room {}", room, cause);
        leave();
    }

    private void handle(ClientMessage message) {
        if (message instanceof ClientMessage.Ping) {
            return;
        }
        if (self == null) {
            if (message instanceof ClientMessage.Join join) {
                join(join.name());
            } else {
                close(CLOSE_MALFORMED, "malformed message: join first");
            }
            return;
        }
        synchronized (rooms.lock()) {
            if (message instanceof ClientMessage.Join) {
                close(CLOSE_MALFORMED, "malformed message: already joined");
            } else if (message instanceof ClientMessage.Signal signal) {
                ObjectNode out = out("signal");
                out.set("data", signal.data());
                toOne(signal.to(), out);
            } else if (message instanceof ClientMessage.Chat chat) {
                ObjectNode out = out("chat");
                out.put("name", self.name);
                out.put("text", chat.text());
                addressed(chat.to(), out);
            } else if (message instanceof ClientMessage.Endpoint endpoint) {
                ObjectNode out = out("endpoint");
                out.put("text", endpoint.text());
                addressed(endpoint.to(), out);
            } else if (message instanceof ClientMessage.Name name) {
                self.name = name.name();
                ObjectNode out = out("name");
                out.put("name", self.name);
                toOthers(out);
            } else if (message instanceof ClientMessage.Mute mute) {
                self.audioMuted = mute.audio();
                self.videoMuted = mute.video();
                ObjectNode out = out("mute");
                out.put("audio", self.audioMuted);
                out.put("video", self.videoMuted);
                toOthers(out);
            } else if (message instanceof ClientMessage.Leave) {
                close(1000, "left");
            }
        }
    }

    private void join(String name) {
        synchronized (rooms.lock()) {
            Optional<Peer> joined = rooms.join(room, name, session);
            if (joined.isEmpty()) {
                ObjectNode error = JSON.createObjectNode();
                error.put("type", "error");
                error.put("code", "room-full");
                error.put(
                        "message", "This room is full: at most " + rooms.maxParticipants() + " people can take part.");
                session.sendText(error.toString(), Callback.NOOP);
                close(CLOSE_ROOM_FULL, "room is full");
                return;
            }
            self = joined.get();
            ObjectNode welcome = JSON.createObjectNode();
            welcome.put("type", "welcome");
            welcome.put("id", self.id);
            welcome.put("room", room);
            welcome.put("maxParticipants", rooms.maxParticipants());
            var list = welcome.putArray("participants");
            for (Peer peer : rooms.peers(room)) {
                if (peer != self) {
                    list.add(peer.describe(JSON.createObjectNode()));
                }
            }
            self.send(welcome);
            ObjectNode announce = self.describe(JSON.createObjectNode());
            announce.put("type", "joined");
            toOthers(announce);
            LOG.info(
                    "Participant {} joined local room {} ({} present)",
                    self.id,
                    room,
                    rooms.peers(room).size());
        }
    }

    private void leave() {
        synchronized (rooms.lock()) {
            if (self == null || !rooms.leave(room, self.id)) {
                return;
            }
            ObjectNode out = out("left");
            out.put("id", self.id);
            out.remove("from");
            toOthers(out);
            LOG.info("Participant {} left local room {}", self.id, room);
        }
    }

    private ObjectNode out(String type) {
        ObjectNode out = JSON.createObjectNode();
        out.put("type", type);
        // The sender is always the id this server assigned, never anything the client claimed.
        out.put("from", self.id);
        return out;
    }

    private void addressed(String to, ObjectNode out) {
        if (to.isEmpty()) {
            out.put("private", false);
            toOthers(out);
        } else {
            out.put("private", true);
            toOne(to, out);
        }
    }

    private void toOne(String to, ObjectNode out) {
        Optional<Peer> target = rooms.peer(room, to).filter(p -> p != self);
        if (target.isPresent()) {
            target.get().send(out);
        } else {
            // Not fatal: the peer may have left a moment ago.
            ObjectNode error = JSON.createObjectNode();
            error.put("type", "error");
            error.put("code", "unknown-participant");
            error.put("message", "That participant is no longer in the room.");
            self.send(error);
        }
    }

    private void toOthers(ObjectNode out) {
        for (Peer peer : rooms.peers(room)) {
            if (peer != self) {
                peer.send(out);
            }
        }
    }

    private void close(int code, String reason) {
        if (session != null && session.isOpen()) {
            session.close(code, truncate(reason), Callback.NOOP);
        }
        leave();
    }

    private static String firstLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (e.getCause() instanceof IllegalArgumentException cause) {
            m = cause.getMessage();
        }
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A close reason must fit in 123 bytes of UTF-8. */
    private static String truncate(String reason) {
        String r = reason.replaceAll("[^\\x20-\\x7e]", "?");
        return r.length() <= 120 ? r : r.substring(0, 117) + "...";
    }
}
