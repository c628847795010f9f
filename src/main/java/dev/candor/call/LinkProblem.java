package dev.candor.call;

/**
 * Why a meeting link, server or room name was refused. Each constant carries a sentence for
 * people (the command line prints it; the UI shows its own translation keyed by the name).
 */
public enum LinkProblem {
    EMPTY_LINK("Paste a meeting link such as https://meet.jit.si/MyRoom."),
    EMPTY_SERVER("Choose a server."),
    EMPTY_ROOM("Enter a room name."),
    ROOM_TOO_LONG("The room name is too long (at most 100 characters)."),
    ROOM_CHARACTERS("A room name may contain only letters, digits, '-', '_' and '.', and may not start with '.'."),
    UNSUPPORTED_SCHEME("Only https:// links (and jitsi-meet:// or candor:// links) can be joined."),
    INSECURE_SCHEME("Use https://: camera and microphone work only on secure addresses (http only on this computer)."),
    BAD_HOST("The server name is not valid."),
    BAD_PORT("The port must be a number from 1 to 65535."),
    USER_INFO("Links with a user name before the host are not accepted."),
    MALFORMED("This does not look like a meeting link.");

    private final String message;

    LinkProblem(String message) {
        this.message = message;
    }

    /** A sentence for people, in English. */
    public String message() {
        return message;
    }
}
