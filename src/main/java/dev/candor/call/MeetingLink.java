package dev.candor.call;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A meeting to join: a server and a room name. This is the one parser for everything a person
 * pastes or a launcher passes: {@code https://host/Room}, {@code host/Room},
 * {@code jitsi-meet://host/Room}, {@code candor://host/Room} and {@code candor://local/Room} (the
 * room on this computer), with any query or fragment (such as {@code #config.x=…}) dropped,
 * because a link must not be able to change how Candor configures the call.
 */
public record MeetingLink(MeetingServer server, String room) {
    /** Longest room name accepted, in characters. */
    public static final int MAX_ROOM_LENGTH = 100;

    private static final Pattern ROOM = Pattern.compile("[\\p{L}\\p{N}_.-]+");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", Pattern.DOTALL);
    private static final Pattern PORT_AFTER_COLON = Pattern.compile("^\\d+(/.*)?$", Pattern.DOTALL);
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    public MeetingLink {
        if (server == null) {
            throw new IllegalArgumentException("server is required");
        }
        Optional<LinkProblem> problem = roomProblem(room);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().message());
        }
    }

    /** Parses a pasted or launched link; the room is the last path segment. */
    public static MeetingLink parse(String text) throws InvalidLinkException {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidLinkException(LinkProblem.EMPTY_LINK, text);
        }
        Address address = Address.parse(trimmed);
        if (!address.hadScheme() && !address.hadPath()) {
            throw new InvalidLinkException(LinkProblem.MALFORMED, text);
        }
        List<String> segments = address.segments();
        if (segments.isEmpty()) {
            throw new InvalidLinkException(LinkProblem.EMPTY_ROOM, text);
        }
        String room = segments.get(segments.size() - 1);
        requireRoom(room);
        return new MeetingLink(address.server(segments.subList(0, segments.size() - 1)), room);
    }

    /** Combines a server field and a room field, as typed, into a meeting. */
    public static MeetingLink of(String serverText, String roomText) throws InvalidLinkException {
        MeetingServer server = MeetingServer.parse(serverText);
        String room = roomText == null ? "" : roomText.strip();
        requireRoom(room);
        return new MeetingLink(server, room);
    }

    /** What is wrong with a room name as typed, if anything. */
    public static Optional<LinkProblem> roomProblem(String room) {
        if (room == null || room.isEmpty()) {
            return Optional.of(LinkProblem.EMPTY_ROOM);
        }
        if (room.codePointCount(0, room.length()) > MAX_ROOM_LENGTH) {
            return Optional.of(LinkProblem.ROOM_TOO_LONG);
        }
        if (!ROOM.matcher(room).matches() || room.startsWith(".")) {
            return Optional.of(LinkProblem.ROOM_CHARACTERS);
        }
        return Optional.empty();
    }

    private static void requireRoom(String room) throws InvalidLinkException {
        Optional<LinkProblem> problem = roomProblem(room);
        if (problem.isPresent()) {
            throw new InvalidLinkException(problem.get(), room);
        }
    }

    /** The link to share with others: the Jitsi address, or {@code candor://local/Room}. */
    public String url() {
        String encoded = URLEncodedRoom.encode(room);
        if (server instanceof MeetingServer.JitsiServer jitsi) {
            return jitsi.base() + "/" + encoded;
        }
        return "candor://" + MeetingServer.LocalRoom.TEXT + "/" + encoded;
    }

    /** A link, server or room that cannot be joined; {@link #problem()} says why. */
    public static final class InvalidLinkException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient LinkProblem problem;

        public InvalidLinkException(LinkProblem problem, String input) {
            super(problem.message() + (input == null || input.isBlank() ? "" : " (" + input.strip() + ")"));
            this.problem = problem;
        }

        public LinkProblem problem() {
            return problem;
        }
    }

    /** Room names are letters, digits and {@code -_.}; only non-ASCII letters need escaping. */
    private static final class URLEncodedRoom {
        static String encode(String room) {
            StringBuilder out = new StringBuilder();
            for (byte b : room.getBytes(StandardCharsets.UTF_8)) {
                if (b >= 0 && (Character.isLetterOrDigit(b) || b == '-' || b == '_' || b == '.')) {
                    out.append((char) b);
                } else {
                    out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
                }
            }
            return out.toString();
        }
    }

    /** The scheme, host, port and path of a typed address, checked piece by piece. */
    record Address(
            String scheme,
            String host,
            int port,
            boolean local,
            List<String> segments,
            boolean hadScheme,
            boolean hadPath) {

        static Address parse(String input) throws InvalidLinkException {
            String scheme = "https";
            String rest = input;
            boolean hadScheme = false;
            Matcher m = SCHEME.matcher(input);
            if (m.matches() && !PORT_AFTER_COLON.matcher(m.group(2)).matches()) {
                String given = m.group(1).toLowerCase(Locale.ROOT);
                scheme = switch (given) {
                    case "https", "jitsi-meet", "candor" -> "https";
                    case "http" -> "http";
                    default -> throw new InvalidLinkException(LinkProblem.UNSUPPORTED_SCHEME, input);
                };
                rest = m.group(2);
                if (!rest.startsWith("//")) {
                    throw new InvalidLinkException(LinkProblem.MALFORMED, input);
                }
                rest = rest.substring(2);
                hadScheme = true;
                if (given.equals("candor")
                        && (rest.equalsIgnoreCase("local") || rest.regionMatches(true, 0, "local/", 0, 6))) {
                    return new Address(scheme, "", -1, true, segments(cutQuery(rest.substring(5)), input), true, true);
                }
            }
            rest = cutQuery(rest);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash);
            if (authority.indexOf('@') >= 0) {
                throw new InvalidLinkException(LinkProblem.USER_INFO, input);
            }
            if (authority.isEmpty() || authority.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidLinkException(LinkProblem.BAD_HOST, input);
            }
            String host;
            String portText = null;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw new InvalidLinkException(LinkProblem.BAD_HOST, input);
                }
                host = authority.substring(1, close);
                String after = authority.substring(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(":")) {
                        throw new InvalidLinkException(LinkProblem.BAD_HOST, input);
                    }
                    portText = after.substring(1);
                }
                if (!isIpv6(host)) {
                    throw new InvalidLinkException(LinkProblem.BAD_HOST, input);
                }
            } else {
                int colon = authority.lastIndexOf(':');
                host = colon < 0 ? authority : authority.substring(0, colon);
                portText = colon < 0 ? null : authority.substring(colon + 1);
                host = checkHost(host, input);
            }
            int port = checkPort(portText, input);
            if (scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80) {
                port = -1;
            }
            if (scheme.equals("http") && !isLoopback(host)) {
                throw new InvalidLinkException(LinkProblem.INSECURE_SCHEME, input);
            }
            return new Address(scheme, host, port, false, segments(path, input), hadScheme, !path.isEmpty());
        }

        MeetingServer server(List<String> tenant) throws InvalidLinkException {
            if (local) {
                if (!tenant.isEmpty()) {
                    throw new InvalidLinkException(LinkProblem.MALFORMED, String.join("/", tenant));
                }
                return MeetingServer.LOCAL;
            }
            for (String segment : tenant) {
                requireRoom(segment);
            }
            String path = tenant.isEmpty() ? null : "/" + String.join("/", tenant);
            try {
                return new MeetingServer.JitsiServer(new URI(scheme, null, host, port, path, null, null));
            } catch (URISyntaxException e) {
                throw new InvalidLinkException(LinkProblem.MALFORMED, host);
            }
        }

        private static String cutQuery(String text) {
            int cut = text.length();
            int q = text.indexOf('?');
            int h = text.indexOf('#');
            if (q >= 0) cut = Math.min(cut, q);
            if (h >= 0) cut = Math.min(cut, h);
            return text.substring(0, cut);
        }

        private static List<String> segments(String path, String input) throws InvalidLinkException {
            List<String> out = new ArrayList<>();
            for (String raw : path.split("/")) {
                if (raw.isEmpty()) continue;
                try {
                    out.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new InvalidLinkException(LinkProblem.MALFORMED, input);
                }
            }
            return out;
        }

        private static int checkPort(String text, String input) throws InvalidLinkException {
            if (text == null) return -1;
            if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidLinkException(LinkProblem.BAD_PORT, input);
            }
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new InvalidLinkException(LinkProblem.BAD_PORT, input);
            }
            return port;
        }

        private static String checkHost(String given, String input) throws InvalidLinkException {
            String host;
            try {
                host = IDN.toASCII(given, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new InvalidLinkException(LinkProblem.BAD_HOST, input);
            }
            if (host.isEmpty() || host.length() > 253) {
                throw new InvalidLinkException(LinkProblem.BAD_HOST, input);
            }
            if (DIGITS_AND_DOTS.matcher(host).matches()) {
                if (!isIpv4(host)) {
                    throw new InvalidLinkException(LinkProblem.BAD_HOST, input);
                }
                return host;
            }
            String[] labels = host.split("\\.", -1);
            for (String label : labels) {
                if (!LABEL.matcher(label).matches()) {
                    throw new InvalidLinkException(LinkProblem.BAD_HOST, input);
                }
            }
            // A top-level label never starts with a digit; "10.0.0.1x" is a mistyped address, not a name.
            if (Character.isDigit(labels[labels.length - 1].charAt(0))) {
                throw new InvalidLinkException(LinkProblem.BAD_HOST, input);
            }
            return host;
        }

        private static boolean isIpv4(String host) {
            String[] parts = host.split("\\.", -1);
            if (parts.length != 4) return false;
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) return false;
            }
            return true;
        }

        private static boolean isIpv6(String host) {
            if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+") || !host.contains(":")) return false;
            try {
                return new URI("http", null, host, -1, null, null, null).getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
        }
    }
}
