package dev.candor.browser;

import java.net.URI;

/**
 * Opens a web link outside Candor, in the user's own browser. Links and popups never open inside
 * Candor; tests pass a recording opener.
 */
@FunctionalInterface
public interface ExternalOpener {
    void open(URI link);
}
