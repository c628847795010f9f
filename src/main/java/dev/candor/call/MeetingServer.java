package dev.candor.call;

import java.net.URI;
import java.util.Locale;

/**
 * Where a meeting is held: a Jitsi Meet deployment at an https address, or the room server
 * Candor runs on this computer. Written to settings and shown to people through {@link #text()}.
 */
public sealed interface MeetingServer {
    /** The public Jitsi Meet service, the default for a fresh install. */
    JitsiServer MEET_JIT_SI = new JitsiServer(URI.create("https://meet.jit.si"));

    /** The embedded room server on this computer. */
    LocalRoom LOCAL = new LocalRoom();

    /** The text a person types or sees: the base address, or {@link LocalRoom#TEXT}. */
    String text();

    /**
     * Parses a server as typed in the server field or given with {@code --server}: an address such
     * as {@code https://meet.example.org}, {@code meet.example.org:8443}, a tenant such as
     * {@code https://8x8.vc/tenant}, or {@code local} for the room on this computer.
     */
    static MeetingServer parse(String text) throws MeetingLink.InvalidLinkException {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new MeetingLink.InvalidLinkException(LinkProblem.EMPTY_SERVER, text);
        }
        if (trimmed.equalsIgnoreCase(LocalRoom.TEXT)) {
            return LOCAL;
        }
        MeetingLink.Address address = MeetingLink.Address.parse(trimmed);
        return address.server(address.segments());
    }

    /**
     * A Jitsi Meet deployment, its base address normalised to lower-case scheme and host, no
     * trailing slash, no query or fragment; it may carry a tenant path.
     */
    record JitsiServer(URI base) implements MeetingServer {
        public JitsiServer {
            String scheme = base.getScheme();
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException("not an http(s) address: " + base);
            }
        }

        @Override
        public String text() {
            return base.toString();
        }

        /** The host name, as shown in lists. */
        public String host() {
            return base.getHost().toLowerCase(Locale.ROOT);
        }
    }

    /** The room server Candor runs on this computer. */
    record LocalRoom() implements MeetingServer {
        /** How the local room is written in settings, links and on the command line. */
        public static final String TEXT = "local";

        @Override
        public String text() {
            return TEXT;
        }
    }
}
