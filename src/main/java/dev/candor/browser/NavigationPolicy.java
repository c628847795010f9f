package dev.candor.browser;

import java.util.Locale;
import java.util.Set;

/**
 * Where a page may go. The main frame stays on the registered origins; a link elsewhere opens in
 * the system browser; subframes may load web content (a meeting embeds other sites, e.g. a shared
 * video) but never local files or other schemes. Pure, so the rules are unit-tested.
 */
public final class NavigationPolicy {
    /** What happens to a navigation. */
    public enum Decision {
        ALLOW,
        BLOCK,
        OPEN_EXTERNALLY
    }

    private static final Set<String> SUBFRAME_SCHEMES = Set.of("http", "https", "about", "data", "blob");
    private static final Set<String> RESOURCE_SCHEMES = Set.of("http", "https", "ws", "wss", "data", "blob", "about");

    private final Set<Origin> origins;

    public NavigationPolicy(Set<Origin> origins) {
        this.origins = Set.copyOf(origins);
    }

    public Set<Origin> origins() {
        return origins;
    }

    /** Decides a navigation of the main frame or a subframe to {@code url}. */
    public Decision navigation(String url, boolean mainFrame) {
        if (mainFrame) {
            if (Origin.of(url).filter(origins::contains).isPresent()) {
                return Decision.ALLOW;
            }
            return isWeb(url) ? Decision.OPEN_EXTERNALLY : Decision.BLOCK;
        }
        return SUBFRAME_SCHEMES.contains(scheme(url)) ? Decision.ALLOW : Decision.BLOCK;
    }

    /** Whether a subresource (script, image, socket) may load; local files never may. */
    public boolean resource(String url) {
        return RESOURCE_SCHEMES.contains(scheme(url));
    }

    /** Whether a URL may be handed to the system browser: only ordinary web links. */
    public static boolean isWeb(String url) {
        String s = scheme(url);
        return (s.equals("http") || s.equals("https")) && Origin.of(url).isPresent();
    }

    static String scheme(String url) {
        if (url == null) {
            return "";
        }
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return "";
        }
        String s = url.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.') ? s : "";
    }
}
