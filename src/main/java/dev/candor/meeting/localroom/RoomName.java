package dev.candor.meeting.localroom;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A legal local room name: 1 to 64 letters, digits, '-' or '_'. Names are part of URLs and logs,
 * so anything else (dots, slashes, spaces, percent escapes) is refused rather than escaped.
 */
public final class RoomName {
    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RoomName() {}

    /** Whether {@code name} is a legal room name. */
    public static boolean isLegal(String name) {
        return name != null && LEGAL.matcher(name).matches();
    }

    /** The room name in a request path below {@code prefix}, if the rest is exactly a legal name. */
    static Optional<String> fromPath(String path, String prefix) {
        if (path == null || !path.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        return isLegal(rest) ? Optional.of(rest) : Optional.empty();
    }
}
