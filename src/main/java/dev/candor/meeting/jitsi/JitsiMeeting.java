package dev.candor.meeting.jitsi;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which Jitsi Meet call to join: the deployment's base URL (e.g. {@code https://meet.jit.si}), the
 * room name and this person's display name. Deployments must be https; plain http is accepted
 * only on loopback, for development and tests.
 */
public record JitsiMeeting(URI deployment, String room, String displayName) {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public JitsiMeeting {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(displayName, "displayName");
        deployment = checkedDeployment(deployment);
        if (room.isBlank() || room.length() > 200 || room.chars().anyMatch(c -> c < 0x20 || "/?#%\\".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("A room name is 1 to 200 characters without / ? # % or \\.");
        }
        if (displayName.length() > 64 || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A display name is at most 64 printable characters.");
        }
    }

    /**
     * A deployment base URL reduced to scheme, host, port and path (no query, fragment or user
     * info, no trailing slash).
     *
     * @throws IllegalArgumentException with a message a person understands
     */
    public static URI checkedDeployment(URI deployment) {
        String scheme =
                deployment.getScheme() == null ? "" : deployment.getScheme().toLowerCase(Locale.ROOT);
        String host = deployment.getHost();
        if (host == null
                || deployment.getUserInfo() != null
                || deployment.getQuery() != null
                || deployment.getFragment() != null) {
            throw new IllegalArgumentException("A Jitsi server address looks like https://meet.jit.si");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            throw new IllegalArgumentException("Jitsi servers are reached over https://");
        }
        String path = deployment.getPath() == null ? "" : deployment.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = deployment.getPort() < 0 ? "" : ":" + deployment.getPort();
        return URI.create(scheme + "://" + host + port + path);
    }

    /** The deployment's origin (scheme, host, port), as browsers compare it. */
    public String origin() {
        String port = deployment.getPort() < 0 ? "" : ":" + deployment.getPort();
        return deployment.getScheme() + "://" + deployment.getHost() + port;
    }
}
