package dev.candor.browser;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens http(s) links in the system browser: {@code xdg-open} on Linux (AWT's Desktop needs GNOME
 * libraries there), {@link Desktop#browse} elsewhere. Anything but http(s) is refused.
 */
public final class SystemBrowserOpener implements ExternalOpener {
    private static final Logger log = LoggerFactory.getLogger(SystemBrowserOpener.class);

    @Override
    public void open(URI link) {
        if (!NavigationPolicy.isWeb(link.toString())) {
            log.warn("Refused to open a non-web link externally (scheme {})", link.getScheme());
            return;
        }
        try {
            if (System.getProperty("os.name", "")
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("linux")) {
                new ProcessBuilder("xdg-open", link.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } else if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(link);
            } else {
                log.warn("No system browser available to open a link");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not open a link in the system browser", e);
        }
    }
}
