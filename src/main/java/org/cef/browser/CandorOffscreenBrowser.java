package org.cef.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.browser.FrameBuffer;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cef.CefBrowserSettings;
import org.cef.CefClient;
import org.cef.callback.CefDragData;
import org.cef.handler.CefRenderHandler;
import org.cef.handler.CefScreenInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor's off-screen browser: a {@link CefBrowser_N} that renders without any AWT or JOGL
 * canvas, handing each paint to a {@link FrameBuffer} that a JavaFX node shows. It lives in
 * {@code org.cef.browser} because {@code CefBrowser_N}'s constructor and input methods are
 * package-private or protected; the stock {@code CefBrowserOsr} paints only while its JOGL canvas
 * is on screen.
 *
 * <p>Threads: {@code onPaint} and the other render callbacks run on CEF's UI thread; the public
 * input and size methods may be called from any thread except the FX thread (Candor uses the AWT
 * event thread).
 */
public final class CandorOffscreenBrowser extends CefBrowser_N implements CefRenderHandler {
    private static final Component EVENT_SOURCE = new java.awt.Canvas();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(CandorOffscreenBrowser.class);

    private final FrameBuffer frames;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Rectangle viewRect = new Rectangle(0, 0, 1, 1); // CEF rejects 0x0 views
    private volatile double scale = 1.0;
    private volatile Point screenOrigin = new Point(0, 0);
    private volatile boolean created;

    public CandorOffscreenBrowser(CefClient client, String url, FrameBuffer frames) {
        super(client, url, null, null, null, settings(60));
        this.frames = frames;
    }

    private static CefBrowserSettings settings(int fps) {
        CefBrowserSettings s = new CefBrowserSettings();
        s.windowless_frame_rate = fps;
        return s;
    }

    /** The AWT component input events must name as their source; never shown. */
    public static Component eventSource() {
        return EVENT_SOURCE;
    }

    @Override
    public void createImmediately() {
        if (!created && getNativeRef("CefBrowser") == 0) {
            created = true;
            createBrowser(getClient(), 0, getUrl(), true, false, null, getRequestContext());
        }
    }

    @Override
    public Component getUIComponent() {
        return null;
    }

    @Override
    public CefRenderHandler getRenderHandler() {
        return this;
    }

    @Override
    protected CefBrowser_N createDevToolsBrowser(
            CefClient client, String url, CefRequestContext context, CefBrowser_N parent, Point inspectAt) {
        return null; // DevTools are not offered inside Candor
    }

    /** Allows the close without an AWT window to close (CEF never shuts down otherwise). */
    @Override
    public synchronized boolean doClose() {
        setCloseAllowed();
        return false;
    }

    @Override
    public synchronized void onBeforeClose() {
        super.onBeforeClose();
        closed.countDown();
    }

    /** Closes the browser and waits until CEF reports it closed. */
    public void closeAndWait(long timeout, TimeUnit unit) {
        if (getNativeRef("CefBrowser") == 0) {
            closed.countDown();
            return;
        }
        setCloseAllowed();
        java.awt.EventQueue.invokeLater(() -> close(true));
        try {
            closed.await(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isClosedNow() {
        return closed.getCount() == 0;
    }

    /** New size in device-independent pixels and the screen's output scale. */
    public void resize(int widthDip, int heightDip, double outputScale, Point screenPosition) {
        Rectangle next = new Rectangle(0, 0, Math.max(1, widthDip), Math.max(1, heightDip));
        boolean changed = !next.equals(viewRect) || outputScale != scale;
        viewRect = next;
        scale = outputScale;
        screenOrigin = screenPosition;
        if (changed && getNativeRef("CefBrowser") != 0) {
            wasResized(next.width, next.height);
        }
    }

    /**
     * Tells CEF the current size once the native browser exists: a resize that arrived between
     * {@code createBrowser} and CEF's after-created callback was otherwise lost, leaving the page
     * at 1x1 and dropping all input outside that pixel.
     */
    public void afterCreated() {
        Rectangle r = viewRect;
        wasResized(r.width, r.height);
        invalidate();
    }

    public void key(KeyEvent e) {
        sendKeyEvent(e);
    }

    public void mouse(MouseEvent e) {
        sendMouseEvent(e);
    }

    public void wheel(MouseWheelEvent e) {
        sendMouseWheelEvent(e);
    }

    // ---- input method (composition) ---------------------------------------------------------
    // This JCEF has no ImeSetComposition/ImeCommitText (javap of jcef-api 146.0.10), so the
    // composition goes through the DevTools protocol's Input domain, which drives the same
    // RenderWidgetHost IME calls: the page sees compositionstart/update/end like from a native IME.

    /** Shows {@code text} as the uncommitted composition with the caret at {@code caret}. */
    public void imeSetComposition(String text, int caret) {
        int at = Math.max(0, Math.min(caret, text.length()));
        devTools("Input.imeSetComposition", Map.of("text", text, "selectionStart", at, "selectionEnd", at));
    }

    /** Commits {@code text}, replacing any composition in progress. */
    public void imeCommitText(String text) {
        devTools("Input.insertText", Map.of("text", text));
    }

    /** Drops the composition in progress without inserting anything. */
    public void imeCancelComposition() {
        devTools("Input.imeSetComposition", Map.of("text", "", "selectionStart", 0, "selectionEnd", 0));
    }

    private void devTools(String method, Map<String, Object> params) {
        if (getNativeRef("CefBrowser") == 0) {
            return;
        }
        String json;
        try {
            json = JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        getDevToolsClient().executeDevToolsMethod(method, json).whenComplete((r, error) -> {
            if (error != null) {
                LOG.warn("{} failed: {}", method, error.toString());
            }
        });
    }

    // ---- CefRenderHandler -------------------------------------------------------------------

    @Override
    public Rectangle getViewRect(CefBrowser browser) {
        return viewRect;
    }

    @Override
    public boolean getScreenInfo(CefBrowser browser, CefScreenInfo info) {
        Rectangle r = viewRect;
        info.Set(scale, 32, 8, false, r, r);
        return true;
    }

    @Override
    public Point getScreenPoint(CefBrowser browser, Point viewPoint) {
        Point p = new Point(screenOrigin);
        p.translate(viewPoint.x, viewPoint.y);
        return p;
    }

    @Override
    public void onPopupShow(CefBrowser browser, boolean show) {
        frames.popupShown(show);
        if (!show) {
            invalidate();
        }
    }

    @Override
    public void onPopupSize(CefBrowser browser, Rectangle size) {
        // CEF gives the popup rect in view coordinates (DIP); the paint buffer is in device pixels.
        double s = scale;
        frames.popupRect((int) Math.round(size.x * s), (int) Math.round(size.y * s));
    }

    @Override
    public void onPaint(
            CefBrowser browser, boolean popup, Rectangle[] dirtyRects, ByteBuffer buffer, int width, int height) {
        if (popup) {
            frames.paintPopup(buffer, width, height);
        } else {
            frames.paint(buffer, width, height, dirtyRects);
        }
    }

    @Override
    public void addOnPaintListener(Consumer<CefPaintEvent> listener) {}

    @Override
    public void setOnPaintListener(Consumer<CefPaintEvent> listener) {}

    @Override
    public void removeOnPaintListener(Consumer<CefPaintEvent> listener) {}

    @Override
    public boolean onCursorChange(CefBrowser browser, int cursorType) {
        frames.cursor(cursorType);
        return true;
    }

    @Override
    public boolean startDragging(CefBrowser browser, CefDragData dragData, int mask, int x, int y) {
        return false; // drag and drop out of the page is not supported
    }

    @Override
    public void updateDragCursor(CefBrowser browser, int operation) {}

    @Override
    public CompletableFuture<BufferedImage> createScreenshot(boolean nativeResolution) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("use the JavaFX node's snapshot"));
    }
}
