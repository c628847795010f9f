package dev.candor.meeting.localroom;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's rooms by name, each a map of peers in joining order. One lock guards them all:
 * signalling is a few messages a second, and sends never block (they are queued by Jetty).
 */
final class Rooms {
    private final Map<String, Map<String, Peer>> rooms = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final int maxParticipants;

    Rooms(int maxParticipants) {
        this.maxParticipants = maxParticipants;
    }

    /** Adds a peer with a fresh id, or returns empty when the room is full. Call under {@link #lock()}. */
    Optional<Peer> join(String room, String name, org.eclipse.jetty.websocket.api.Session session) {
        Map<String, Peer> peers = rooms.computeIfAbsent(room, r -> new LinkedHashMap<>());
        if (peers.size() >= maxParticipants) {
            if (peers.isEmpty()) {
                rooms.remove(room);
            }
            return Optional.empty();
        }
        String id;
        do {
            byte[] bytes = new byte[4];
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (peers.containsKey(id));
        Peer peer = new Peer(id, name, session);
        peers.put(id, peer);
        return Optional.of(peer);
    }

    /** Removes a peer; an empty room is forgotten. Call under {@link #lock()}. */
    boolean leave(String room, String id) {
        Map<String, Peer> peers = rooms.get(room);
        if (peers == null || peers.remove(id) == null) {
            return false;
        }
        if (peers.isEmpty()) {
            rooms.remove(room);
        }
        return true;
    }

    /** The peers of a room, in joining order. Call under {@link #lock()}. */
    List<Peer> peers(String room) {
        Map<String, Peer> peers = rooms.get(room);
        return peers == null ? List.of() : List.copyOf(peers.values());
    }

    Optional<Peer> peer(String room, String id) {
        Map<String, Peer> peers = rooms.get(room);
        return Optional.ofNullable(peers == null ? null : peers.get(id));
    }

    int maxParticipants() {
        return maxParticipants;
    }

    Object lock() {
        return rooms;
    }

    /** Number of people in a room, for status and tests. */
    int size(String room) {
        synchronized (rooms) {
            Map<String, Peer> peers = rooms.get(room);
            return peers == null ? 0 : peers.size();
        }
    }
}
