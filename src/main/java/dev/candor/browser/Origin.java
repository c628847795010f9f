package dev.candor.browser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin (scheme, host, port) as the browser compares them, e.g. {@code
 * http://127.0.0.1:8080}. Only {@code http} and {@code https} origins exist for Candor: pages
 * from anywhere else (file, data, custom schemes) have no origin to allow.
 */
public record Origin(String scheme, String host, int port) {
    public Origin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    /** The origin of a URL, or empty if it is not an absolute http(s) URL with a host. */
    public static Optional<Origin> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || host.isEmpty()) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            return switch (scheme) {
                case "http" -> Optional.of(new Origin(scheme, host, port < 0 ? 80 : port));
                case "https" -> Optional.of(new Origin(scheme, host, port < 0 ? 443 : port));
                default -> Optional.empty();
            };
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Parses an origin written as a URL ({@code https://meet.jit.si}); path parts are ignored. */
    public static Origin parse(String origin) {
        return of(origin).orElseThrow(() -> new IllegalArgumentException("Not an http(s) origin: " + origin));
    }

    @Override
    public String toString() {
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
