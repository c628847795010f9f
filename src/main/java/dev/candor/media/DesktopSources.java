package dev.candor.media;

import java.util.List;

/**
 * The port to what of this computer's desktop can be shared: its screens and, where the platform
 * lets Candor list them, its windows. May block (it asks the display server and takes
 * thumbnails), so callers use it from a background thread.
 */
@FunctionalInterface
public interface DesktopSources {
    /** Screens first, then windows; empty when there is no display to share. */
    List<DesktopSource> list();
}
