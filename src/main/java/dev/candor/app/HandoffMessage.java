package dev.candor.app;

import dev.candor.call.LinkProblem;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.ui.join.JoinPrefill;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a second Candor process hands to the running one: the meeting link (or server and room)
 * and display name from its command line, as a few UTF-8 lines. The running instance trusts
 * nothing in it: the size is bounded, every field goes through the same parsers as the command
 * line, and anything else is refused with a reason.
 *
 * <pre>
 * candor-handoff 1
 * link jitsi-meet://meet.example.org/Standup
 * name Ana
 * </pre>
 *
 * @param link a meeting link as typed ({@code https://}, {@code jitsi-meet://}, {@code candor://})
 * @param server a server text ({@code local} or a host), when no link was given
 * @param room a room name, when no link was given
 * @param name a display name
 */
public record HandoffMessage(
        Optional<String> link, Optional<String> server, Optional<String> room, Optional<String> name) {
    /** Largest message accepted, in bytes: a link is at most a few hundred characters. */
    public static final int MAX_BYTES = 4096;

    static final String HEADER = "candor-handoff 1";
    private static final int MAX_NAME = 200;
    private static final List<String> KEYS = List.of("link", "server", "room", "name");

    public HandoffMessage {
        for (Optional<String> field : List.of(link, server, room, name)) {
            field.ifPresent(v -> {
                if (v.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                    throw new IllegalArgumentException("a hand-off field cannot span lines");
                }
            });
        }
    }

    /** A message that only asks the running window to come to the front. */
    public static HandoffMessage bringToFront() {
        return new HandoffMessage(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The message as sent on the socket. */
    public byte[] encode() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        link.ifPresent(v -> text.append("link ").append(v).append('\n'));
        server.ifPresent(v -> text.append("server ").append(v).append('\n'));
        room.ifPresent(v -> text.append("room ").append(v).append('\n'));
        name.ifPresent(v -> text.append("name ").append(v).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("hand-off message longer than " + MAX_BYTES + " bytes");
        }
        return bytes;
    }

    /**
     * Reads and checks a received message: what to fill into the join screen (all empty for
     * "just come to the front").
     *
     * @throws Refused with a short reason for the sender (no content echoed back)
     */
    public static JoinPrefill read(byte[] bytes) throws Refused {
        if (bytes.length > MAX_BYTES) {
            throw new Refused("too long");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refused("not UTF-8");
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new Refused("not a Candor hand-off");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            if (!KEYS.contains(key)) {
                throw new Refused("unknown field");
            }
            if (fields.put(key, space < 0 ? "" : line.substring(space + 1)) != null) {
                throw new Refused("repeated field");
            }
        }
        return prefill(fields);
    }

    private static JoinPrefill prefill(Map<String, String> fields) throws Refused {
        Optional<String> server = Optional.empty();
        Optional<String> room = Optional.empty();
        try {
            if (fields.containsKey("link")) {
                if (fields.containsKey("server") || fields.containsKey("room")) {
                    throw new Refused("a link and a server or room");
                }
                MeetingLink meeting = MeetingLink.parse(fields.get("link"));
                server = Optional.of(meeting.server().text());
                room = Optional.of(meeting.room());
            }
            if (fields.containsKey("server")) {
                server = Optional.of(MeetingServer.parse(fields.get("server")).text());
            }
            if (fields.containsKey("room")) {
                String trimmed = fields.get("room").strip();
                Optional<LinkProblem> problem = MeetingLink.roomProblem(trimmed);
                if (problem.isPresent()) {
                    throw new MeetingLink.InvalidLinkException(problem.get(), trimmed);
                }
                room = Optional.of(trimmed);
            }
        } catch (MeetingLink.InvalidLinkException e) {
            throw new Refused("invalid meeting link (" + e.problem() + ")");
        }
        Optional<String> name = Optional.ofNullable(fields.get("name")).map(String::strip);
        if (name.isPresent()
                && (name.get().length() > MAX_NAME || name.get().chars().anyMatch(Character::isISOControl))) {
            throw new Refused("invalid display name");
        }
        return new JoinPrefill(server, room, name.filter(n -> !n.isEmpty()));
    }

    /** A received message that is not acted on; the reason is sent back to the sender. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason);
        }
    }
}
