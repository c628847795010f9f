package dev.candor.browser;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an adapter opens: the start URL, the origins the page may navigate to, the origins whose
 * frames may use the bridge, and the bridge message types it accepts (each with one version and
 * a handler). The start URL's origin is always both navigable and bridge-enabled: it is the
 * app's own page.
 */
public final class PageSpec {
    /** A registered bridge message type. */
    public record Route(String type, int version, BridgeHandler handler) {}

    /** Default cap on one bridge message from a page: 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

    private final String url;
    private final Set<Origin> navigable;
    private final Set<Origin> bridge;
    private final Map<String, Route> routes;
    private final int maxMessageBytes;

    private PageSpec(Builder b) {
        this.url = b.url;
        this.navigable = Set.copyOf(b.navigable);
        this.bridge = Set.copyOf(b.bridge);
        this.routes = Map.copyOf(b.routes);
        this.maxMessageBytes = b.maxMessageBytes;
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    public String url() {
        return url;
    }

    public Set<Origin> navigableOrigins() {
        return navigable;
    }

    public Set<Origin> bridgeOrigins() {
        return bridge;
    }

    public Map<String, Route> routes() {
        return routes;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Builds a {@link PageSpec}. */
    public static final class Builder {
        private final String url;
        private final Set<Origin> navigable = new LinkedHashSet<>();
        private final Set<Origin> bridge = new LinkedHashSet<>();
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

        private Builder(String url) {
            Origin own = Origin.of(url)
                    .orElseThrow(() -> new IllegalArgumentException("Start page must be an http(s) URL: " + url));
            this.url = url;
            navigable.add(own);
            bridge.add(own);
        }

        /** Lets the main frame navigate to {@code origin} (e.g. the Jitsi deployment); no bridge. */
        public Builder allowNavigation(String origin) {
            navigable.add(Origin.parse(origin));
            return this;
        }

        /** Lets frames of {@code origin} use the bridge (and the main frame navigate there). */
        public Builder allowBridge(String origin) {
            Origin o = Origin.parse(origin);
            navigable.add(o);
            bridge.add(o);
            return this;
        }

        /** Accepts messages of {@code type} at {@code version} from the page, answered by {@code handler}. */
        public Builder on(String type, int version, BridgeHandler handler) {
            Objects.requireNonNull(handler);
            if (type == null || !type.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")) {
                throw new IllegalArgumentException("Bridge type must be a short name: " + type);
            }
            if (routes.putIfAbsent(type, new Route(type, version, handler)) != null) {
                throw new IllegalArgumentException("Bridge type registered twice: " + type);
            }
            return this;
        }

        public Builder maxMessageBytes(int bytes) {
            if (bytes < 64) {
                throw new IllegalArgumentException("maxMessageBytes too small: " + bytes);
            }
            this.maxMessageBytes = bytes;
            return this;
        }

        public PageSpec build() {
            return new PageSpec(this);
        }
    }
}
