package dev.candor.meeting.localroom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** One participant of a room: its server-assigned id, its name and mute state, and its socket. */
final class Peer {
    final String id;
    final Session session;
    String name;
    boolean audioMuted;
    boolean videoMuted;

    Peer(String id, String name, Session session) {
        this.id = id;
        this.name = name;
        this.session = session;
    }

    /** Queues a message to this peer; Jetty sends whole messages in the order they are queued. */
    void send(ObjectNode message) {
        if (session.isOpen()) {
            session.sendText(message.toString(), Callback.from(() -> {}, failure -> {
                // Its queue is full (it stopped reading) or the socket broke: drop this peer.
                if (session.isOpen()) {
                    session.close(1013, "too slow to keep up with the room", Callback.NOOP);
                }
            }));
        }
    }

    ObjectNode describe(ObjectNode into) {
        into.put("id", id);
        into.put("name", name);
        into.put("audioMuted", audioMuted);
        into.put("videoMuted", videoMuted);
        return into;
    }
}
