package dev.candor.ai.llm;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rule that a model server must run on this computer: the URL's host must be a loopback
 * address, or a name all of whose addresses are loopback. Anything else is refused, because the
 * call's transcript would leave the device.
 */
public final class LoopbackOnly {
    private LoopbackOnly() {}

    /** Returns the URL as a URI when it points at loopback; otherwise throws with a message for the user. */
    public static URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + url + "\" is not a valid server URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("\"" + url + "\" is not an http:// or https:// URL.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("\"" + url + "\" has no host.");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("\"" + url + "\" must not carry a user name or password.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.replace("[", "").replace("]", ""));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Model server \"" + host + "\" cannot be found; Candor only uses a model"
                    + " server on this computer (127.0.0.1, ::1 or localhost).");
        }
        for (InetAddress a : addresses) {
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("Refused model server " + host + " (" + a.getHostAddress()
                        + "): it is not on this computer, and the call's transcript must not leave the device."
                        + " Use a server on 127.0.0.1, ::1 or localhost.");
            }
        }
        if (scheme.equals("http") && !host.equals(addresses[0].getHostAddress())) {
            // Pin the checked address, so a name cannot resolve elsewhere later (DNS rebinding).
            String ip = addresses[0].getHostAddress();
            String literal = ip.contains(":") ? "[" + ip + "]" : ip;
            return URI.create(scheme + "://" + literal + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        }
        return uri;
    }
}
