package dev.candor.browser;

import java.awt.EventQueue;
import java.awt.Point;
import java.awt.event.InputEvent;
import java.awt.event.MouseWheelEvent;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.InputMethodEvent;
import javafx.scene.input.InputMethodRequests;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.cef.browser.CandorOffscreenBrowser;

/**
 * A web page as a JavaFX node: the off-screen browser's pixels in an {@link ImageView} backed by
 * a {@link PixelBuffer} (BGRA premultiplied, no conversion), resized with the node at the
 * window's output scale, with mouse, wheel, keyboard, input-method text and focus forwarded to
 * the page.
 *
 * <p>Threads: use it on the FX thread like any node. It never calls CEF from the FX thread: input
 * and size changes are queued to the AWT event thread, and paints arrive from CEF's thread as one
 * coalesced {@code Platform.runLater} per batch.
 */
public final class BrowserView extends Region {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BrowserView.class);
    private final CandorOffscreenBrowser browser;
    private final BrowserPage page;
    private final Runnable onClosed;
    private final ImageView imageView = new ImageView();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final AtomicLong framesShown = new AtomicLong();
    private final ChangeListener<Number> scaleListener = (o, a, b) -> sendSize();
    private PixelBuffer<ByteBuffer> pixelBuffer;
    private int generation = -1;
    private double scale = 1.0;
    private boolean closed;
    private boolean composing;
    private Point2D lastPress = new Point2D(0, 0);

    BrowserView(CandorOffscreenBrowser browser, BrowserPage page, Runnable onClosed) {
        this.browser = browser;
        this.page = page;
        this.onClosed = onClosed;
        getStyleClass().add("browser-view");
        imageView.setPreserveRatio(false);
        imageView.setSmooth(false);
        getChildren().add(imageView);
        setFocusTraversable(true);
        setMinSize(1, 1);
        setPrefSize(800, 600);

        page.frames().setListener(() -> Platform.runLater(this::showFrame));
        page.onTitle(t -> Platform.runLater(() -> title.set(t)));
        page.onAddress(u -> Platform.runLater(() -> address.set(u)));

        widthProperty().addListener((o, a, b) -> sendSize());
        heightProperty().addListener((o, a, b) -> sendSize());
        sceneProperty().addListener((o, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((ow, oldWindow, window) -> watchScale(oldWindow, window));
                watchScale(null, scene.getWindow());
            }
        });
        installInput();
    }

    CandorOffscreenBrowser browser() {
        return browser;
    }

    /** The page behind this view: bridge ({@link BrowserPage#post}), load state, policy. */
    public BrowserPage page() {
        return page;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String getTitle() {
        return title.get();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /**
     * Distinct CEF frames that reached this node (a batch of coalesced paints counts once; CEF's
     * repeated delivery of the same frame does not count again).
     */
    public long framesShown() {
        return framesShown.get();
    }

    /** Closes the page's browser; completes (off the FX thread) once CEF has closed it. */
    public CompletableFuture<Void> close() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        closed = true;
        return CompletableFuture.runAsync(() -> {
            browser.closeAndWait(3, TimeUnit.SECONDS);
            onClosed.run();
        });
    }

    @Override
    protected void layoutChildren() {
        imageView.relocate(0, 0);
        imageView.setFitWidth(getWidth());
        imageView.setFitHeight(getHeight());
    }

    // ---- pixels -----------------------------------------------------------------------------

    private void showFrame() {
        FrameBuffer.Frame f = page.frames().take();
        if (f == null) {
            return;
        }
        if (f.generation() != generation || pixelBuffer == null) {
            generation = f.generation();
            pixelBuffer = new PixelBuffer<>(f.width(), f.height(), f.pixels(), PixelFormat.getByteBgraPreInstance());
            imageView.setImage(new WritableImage(pixelBuffer));
        } else {
            java.awt.Rectangle d = f.dirty();
            pixelBuffer.updateBuffer(b -> new Rectangle2D(d.x, d.y, d.width, d.height));
        }
        setCursor(cursorFor(page.frames().cursor()));
        if (f.fresh()) {
            framesShown.incrementAndGet();
        }
    }

    private static Cursor cursorFor(int awtType) {
        return switch (awtType) {
            case java.awt.Cursor.HAND_CURSOR -> Cursor.HAND;
            case java.awt.Cursor.TEXT_CURSOR -> Cursor.TEXT;
            case java.awt.Cursor.WAIT_CURSOR -> Cursor.WAIT;
            case java.awt.Cursor.CROSSHAIR_CURSOR -> Cursor.CROSSHAIR;
            case java.awt.Cursor.MOVE_CURSOR -> Cursor.MOVE;
            case java.awt.Cursor.E_RESIZE_CURSOR, java.awt.Cursor.W_RESIZE_CURSOR -> Cursor.H_RESIZE;
            case java.awt.Cursor.N_RESIZE_CURSOR, java.awt.Cursor.S_RESIZE_CURSOR -> Cursor.V_RESIZE;
            default -> Cursor.DEFAULT;
        };
    }

    // ---- size and scale ---------------------------------------------------------------------

    private void watchScale(Window oldWindow, Window window) {
        if (oldWindow != null) {
            oldWindow.outputScaleXProperty().removeListener(scaleListener);
        }
        if (window != null) {
            window.outputScaleXProperty().addListener(scaleListener);
        }
        sendSize();
    }

    private void sendSize() {
        Window w = getScene() == null ? null : getScene().getWindow();
        scale = w == null ? 1.0 : Math.max(1.0, w.getOutputScaleX());
        int width = (int) Math.ceil(getWidth());
        int height = (int) Math.ceil(getHeight());
        if (width < 1 || height < 1) {
            return;
        }
        Point2D screen = localToScreen(0, 0);
        Point at = screen == null ? new Point() : new Point((int) screen.getX(), (int) screen.getY());
        double s = scale;
        EventQueue.invokeLater(() -> browser.resize(width, height, s, at));
    }

    // ---- input ------------------------------------------------------------------------------

    private void installInput() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            page.userActed();
            lastPress = new Point2D(e.getX(), e.getY());
            requestFocus();
            // CEF drops input to an unfocused off-screen browser; the window may lack X focus.
            EventQueue.invokeLater(() -> browser.setFocus(true));
            mouse(e, java.awt.event.MouseEvent.MOUSE_PRESSED);
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> mouse(e, java.awt.event.MouseEvent.MOUSE_RELEASED));
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> mouse(e, java.awt.event.MouseEvent.MOUSE_MOVED));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> mouse(e, java.awt.event.MouseEvent.MOUSE_DRAGGED));
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> mouse(e, java.awt.event.MouseEvent.MOUSE_ENTERED));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> mouse(e, java.awt.event.MouseEvent.MOUSE_EXITED));
        addEventHandler(ScrollEvent.SCROLL, this::scroll);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            page.userActed();
            send(KeyMapping.pressedOrReleased(CandorOffscreenBrowser.eventSource(), e));
            e.consume(); // Tab and arrows belong to the page, not to JavaFX focus traversal
        });
        addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            send(KeyMapping.pressedOrReleased(CandorOffscreenBrowser.eventSource(), e));
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_TYPED, e -> {
            KeyMapping.typed(CandorOffscreenBrowser.eventSource(), e).ifPresent(this::send);
            e.consume();
        });
        setInputMethodRequests(new Composition());
        addEventHandler(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, this::inputMethod);
        focusedProperty().addListener((o, was, is) -> EventQueue.invokeLater(() -> browser.setFocus(is)));
    }

    private void send(java.awt.event.KeyEvent e) {
        log.debug("key {} code {} char {}", e.getID(), e.getKeyCode(), (int) e.getKeyChar());
        EventQueue.invokeLater(() -> browser.key(e));
    }

    /**
     * An input method's text: the committed part is inserted (ending any composition), the
     * composed part is shown in the page as its uncommitted composition with the IME's caret, and
     * an event with neither cancels a composition in progress (the user pressed Escape).
     */
    private void inputMethod(InputMethodEvent e) {
        String committed = e.getCommitted();
        String composed = e.getComposed().stream()
                .map(javafx.scene.input.InputMethodTextRun::getText)
                .collect(java.util.stream.Collectors.joining());
        int caret = e.getCaretPosition();
        boolean wasComposing = composing;
        composing = !composed.isEmpty();
        EventQueue.invokeLater(() -> {
            if (!committed.isEmpty()) {
                browser.imeCommitText(committed);
            }
            if (!composed.isEmpty()) {
                browser.imeSetComposition(composed, caret);
            } else if (committed.isEmpty() && wasComposing) {
                browser.imeCancelComposition();
            }
        });
        e.consume();
    }

    private void mouse(MouseEvent e, int id) {
        int mods = KeyMapping.modifiers(e.isShiftDown(), e.isControlDown(), e.isAltDown(), e.isMetaDown());
        if (e.isPrimaryButtonDown()) {
            mods |= InputEvent.BUTTON1_DOWN_MASK;
        }
        if (e.isMiddleButtonDown()) {
            mods |= InputEvent.BUTTON2_DOWN_MASK;
        }
        if (e.isSecondaryButtonDown()) {
            mods |= InputEvent.BUTTON3_DOWN_MASK;
        }
        int button = buttonOf(e.getButton());
        boolean click = id == java.awt.event.MouseEvent.MOUSE_PRESSED || id == java.awt.event.MouseEvent.MOUSE_RELEASED;
        if (click && button == java.awt.event.MouseEvent.NOBUTTON) {
            return;
        }
        java.awt.event.MouseEvent awt = new java.awt.event.MouseEvent(
                CandorOffscreenBrowser.eventSource(),
                id,
                System.currentTimeMillis(),
                mods,
                (int) Math.round(e.getX()),
                (int) Math.round(e.getY()),
                Math.max(click ? 1 : 0, e.getClickCount()),
                false,
                click ? button : java.awt.event.MouseEvent.NOBUTTON);
        log.debug("mouse {} at {},{} button {}", id, awt.getX(), awt.getY(), awt.getButton());
        EventQueue.invokeLater(() -> browser.mouse(awt));
    }

    private static int buttonOf(MouseButton b) {
        return switch (b) {
            case PRIMARY -> java.awt.event.MouseEvent.BUTTON1;
            case MIDDLE -> java.awt.event.MouseEvent.BUTTON2;
            case SECONDARY -> java.awt.event.MouseEvent.BUTTON3;
            default -> java.awt.event.MouseEvent.NOBUTTON;
        };
    }

    private void scroll(ScrollEvent e) {
        int mods = KeyMapping.modifiers(false, e.isControlDown(), e.isAltDown(), e.isMetaDown());
        int x = (int) Math.round(e.getX());
        int y = (int) Math.round(e.getY());
        // JCEF scrolls horizontally when Shift is down; JavaFX gives both deltas in pixels.
        if (Math.abs(e.getDeltaY()) >= 0.5) {
            wheel(mods, x, y, (int) Math.round(e.getDeltaY()));
        }
        if (Math.abs(e.getDeltaX()) >= 0.5) {
            wheel(mods | InputEvent.SHIFT_DOWN_MASK, x, y, (int) Math.round(e.getDeltaX()));
        }
        e.consume();
    }

    private void wheel(int mods, int x, int y, int pixels) {
        MouseWheelEvent awt = new MouseWheelEvent(
                CandorOffscreenBrowser.eventSource(),
                java.awt.event.MouseEvent.MOUSE_WHEEL,
                System.currentTimeMillis(),
                mods,
                x,
                y,
                0,
                false,
                MouseWheelEvent.WHEEL_BLOCK_SCROLL,
                1,
                pixels);
        EventQueue.invokeLater(() -> browser.wheel(awt));
    }

    /**
     * Where an input method shows its candidate window. This JCEF does not report the page's
     * caret ({@code OnImeCompositionRangeChanged} is not exposed), so the window goes just below
     * where the user last clicked, which is the text field being typed into.
     */
    private final class Composition implements InputMethodRequests {
        private static final double LINE = 24;

        @Override
        public Point2D getTextLocation(int offset) {
            double x = Math.max(0, Math.min(lastPress.getX(), getWidth()));
            double y = Math.max(0, Math.min(lastPress.getY() + LINE / 2, getHeight()));
            Point2D p = localToScreen(x, y);
            return p == null ? new Point2D(0, 0) : p;
        }

        @Override
        public int getLocationOffset(int x, int y) {
            return 0;
        }

        @Override
        public void cancelLatestCommittedText() {}

        @Override
        public String getSelectedText() {
            return "";
        }
    }
}
