package dev.candor.browser;

import java.net.URI;
import java.util.Vector;
import java.util.function.Function;
import org.cef.CefSettings;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.callback.CefContextMenuParams;
import org.cef.callback.CefFileDialogCallback;
import org.cef.callback.CefJSDialogCallback;
import org.cef.callback.CefMenuModel;
import org.cef.handler.CefContextMenuHandlerAdapter;
import org.cef.handler.CefDialogHandler;
import org.cef.handler.CefDisplayHandlerAdapter;
import org.cef.handler.CefJSDialogHandler;
import org.cef.handler.CefJSDialogHandlerAdapter;
import org.cef.handler.CefLifeSpanHandlerAdapter;
import org.cef.handler.CefLoadHandlerAdapter;
import org.cef.handler.CefRequestHandlerAdapter;
import org.cef.handler.CefResourceRequestHandler;
import org.cef.handler.CefResourceRequestHandlerAdapter;
import org.cef.misc.BoolRef;
import org.cef.network.CefRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every Candor page locked down, like jitsi-meet-electron: the main frame stays on its
 * registered origins, links and popups go to the system browser, local files and external
 * protocol launches are refused, and no native dialog, file chooser or context menu opens from a
 * page. Also relays title, address and load events to the page.
 *
 * <p>Threads: all callbacks run on CEF's UI thread.
 */
final class PageGuard extends CefRequestHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(PageGuard.class);

    private final Function<CefBrowser, BrowserPage> pages;
    private final ExternalOpener opener;
    private final CefResourceRequestHandler resources = new ResourceGate();
    private final String frameLinks = frameLinksScript();

    PageGuard(Function<CefBrowser, BrowserPage> pages, ExternalOpener opener) {
        this.pages = pages;
        this.opener = opener;
    }

    // ---- navigation ------------------------------------------------------------------------

    @Override
    public boolean onBeforeBrowse(
            CefBrowser browser, CefFrame frame, CefRequest request, boolean userGesture, boolean isRedirect) {
        String url = request.getURL();
        BrowserPage page = pages.apply(browser);
        if (page == null) {
            return true;
        }
        boolean main = frame == null || frame.isMain();
        NavigationPolicy.Decision d = page.policy().navigation(url, main);
        switch (d) {
            case ALLOW -> {
                return false;
            }
            case OPEN_EXTERNALLY -> {
                log.info("Navigation to another site opened in the system browser instead");
                openExternally(url);
                return true;
            }
            case BLOCK -> {
                log.warn("Navigation blocked (scheme {})", NavigationPolicy.scheme(url));
                return true;
            }
        }
        return true;
    }

    @Override
    public boolean onOpenURLFromTab(CefBrowser browser, CefFrame frame, String targetUrl, boolean userGesture) {
        openExternally(targetUrl);
        return true;
    }

    @Override
    public CefResourceRequestHandler getResourceRequestHandler(
            CefBrowser browser,
            CefFrame frame,
            CefRequest request,
            boolean isNavigation,
            boolean isDownload,
            String requestInitiator,
            BoolRef disableDefaultHandling) {
        return resources;
    }

    private void openExternally(String url) {
        if (NavigationPolicy.isWeb(url)) {
            try {
                opener.open(URI.create(url));
            } catch (IllegalArgumentException e) {
                log.warn("Malformed link not opened");
            }
        } else {
            log.warn("Refused to open a {} link", NavigationPolicy.scheme(url));
        }
    }

    /** Refuses local files and every hand-off of a URL to another application. */
    private final class ResourceGate extends CefResourceRequestHandlerAdapter {
        @Override
        public boolean onBeforeResourceLoad(CefBrowser browser, CefFrame frame, CefRequest request) {
            BrowserPage page = pages.apply(browser);
            String url = request.getURL();
            boolean allowed = page != null && page.policy().resource(url);
            if (!allowed) {
                log.warn("Resource blocked (scheme {})", NavigationPolicy.scheme(url));
            }
            return !allowed;
        }

        @Override
        public void onProtocolExecution(
                CefBrowser browser, CefFrame frame, CefRequest request, BoolRef allowOsExecution) {
            allowOsExecution.set(false);
            log.warn("External protocol launch refused (scheme {})", NavigationPolicy.scheme(request.getURL()));
        }
    }

    // ---- the other handlers, registered on the client by BrowserRuntime ----------------------

    /** Popups never open a window: web links go to the system browser. */
    final class Popups extends CefLifeSpanHandlerAdapter {
        @Override
        public boolean onBeforePopup(CefBrowser browser, CefFrame frame, String targetUrl, String targetFrameName) {
            log.info("Popup opened in the system browser instead");
            openExternally(targetUrl);
            return true;
        }

        @Override
        public void onAfterCreated(CefBrowser browser) {
            if (browser instanceof org.cef.browser.CandorOffscreenBrowser b) {
                b.afterCreated();
            } else {
                // A browser Candor did not create (a popup CEF opened on its own): never keep it.
                log.warn("Closing a popup browser CEF created on its own");
                browser.close(true);
            }
        }
    }

    /** No file chooser: a page never reads local files. */
    static final class NoFileDialogs implements CefDialogHandler {
        @Override
        public boolean onFileDialog(
                CefBrowser browser,
                FileDialogMode mode,
                String title,
                String defaultFilePath,
                Vector<String> acceptFilters,
                Vector<String> acceptExtensions,
                Vector<String> acceptDescriptions,
                CefFileDialogCallback callback) {
            callback.Cancel();
            return true;
        }
    }

    /** alert/confirm/prompt are suppressed (no native dialog over a call); leaving never asks. */
    static final class QuietDialogs extends CefJSDialogHandlerAdapter {
        @Override
        public boolean onJSDialog(
                CefBrowser browser,
                String originUrl,
                CefJSDialogHandler.JSDialogType dialogType,
                String messageText,
                String defaultPromptText,
                CefJSDialogCallback callback,
                BoolRef suppressMessage) {
            suppressMessage.set(true);
            return false;
        }

        @Override
        public boolean onBeforeUnloadDialog(
                CefBrowser browser, String messageText, boolean isReload, CefJSDialogCallback callback) {
            callback.Continue(true, "");
            return true;
        }
    }

    /** Chromium's own context menu (back, reload, view source, inspect) is not offered. */
    static final class NoContextMenu extends CefContextMenuHandlerAdapter {
        @Override
        public void onBeforeContextMenu(
                CefBrowser browser, CefFrame frame, CefContextMenuParams params, CefMenuModel model) {
            model.clear();
        }
    }

    /** Relays title, address and console output. */
    final class Display extends CefDisplayHandlerAdapter {
        @Override
        public void onTitleChange(CefBrowser browser, String title) {
            BrowserPage page = pages.apply(browser);
            if (page != null) {
                page.titleChanged(title);
            }
        }

        @Override
        public void onAddressChange(CefBrowser browser, CefFrame frame, String url) {
            BrowserPage page = pages.apply(browser);
            if (page != null && (frame == null || frame.isMain())) {
                page.addressChanged(url);
            }
        }

        @Override
        public boolean onConsoleMessage(
                CefBrowser browser, CefSettings.LogSeverity level, String message, String source, int line) {
            log.debug("page console {}: {} ({}:{})", level, message, source, line);
            return true;
        }
    }

    /**
     * Tells the page when its main frame has loaded, and gives every subframe (the Jitsi iframe
     * and whatever it embeds) {@code frame-links.js}: this JCEF cancels an off-screen browser's
     * popups natively, before {@link Popups#onBeforePopup} could run, so without it a
     * {@code target=_blank} link in the meeting's chat would do nothing.
     */
    final class Loads extends CefLoadHandlerAdapter {
        @Override
        public void onLoadStart(CefBrowser browser, CefFrame frame, CefRequest.TransitionType transitionType) {
            // As early as the new document exists; onLoadEnd repeats it (the script runs once).
            giveFrameLinks(browser, frame);
        }

        @Override
        public void onLoadEnd(CefBrowser browser, CefFrame frame, int httpStatusCode) {
            BrowserPage page = pages.apply(browser);
            if (page != null && frame != null && frame.isMain()) {
                page.loaded(frame.getURL());
            }
            giveFrameLinks(browser, frame);
        }

        private void giveFrameLinks(CefBrowser browser, CefFrame frame) {
            if (frame == null || frame.isMain() || pages.apply(browser) == null) {
                return;
            }
            String url = frame.getURL();
            if (NavigationPolicy.isWeb(url)) {
                frame.executeJavaScript(frameLinks, "candor-frame-links", 1);
            }
        }
    }

    private static String frameLinksScript() {
        try (java.io.InputStream in = PageGuard.class.getResourceAsStream("frame-links.js")) {
            if (in == null) {
                throw new IllegalStateException("frame-links.js missing from the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
