package dev.candor.browser;

import java.awt.Rectangle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The pixels of one off-screen browser: CEF's BGRA premultiplied paint buffer, copied dirty
 * rectangle by dirty rectangle into a direct buffer that a JavaFX {@code PixelBuffer} shows with
 * no pixel conversion. Popups (such as an open {@code <select>}) are painted on top.
 *
 * <p>Threads: {@code paint*} run on CEF's UI thread; {@link #take()} runs on the FX thread. The
 * listener is told once per batch of paints, so the FX thread gets one coalesced update.
 */
public final class FrameBuffer {
    /** Told (on CEF's thread) that a frame is waiting; called once until {@link #take()}. */
    @FunctionalInterface
    public interface Listener {
        void framesReady();
    }

    /** What the FX thread takes: the buffer to show, its size and what changed since the last take. */
    public record Frame(ByteBuffer pixels, int width, int height, int generation, Rectangle dirty, boolean fresh) {}

    private static final int SAMPLES = 1 << 14;

    private Listener listener = () -> {};
    private ByteBuffer pixels = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
    private int width = 1;
    private int height = 1;
    private int generation;
    private Rectangle dirty;
    private boolean pending;
    private boolean fresh;

    private ByteBuffer popupPixels;
    private int popupX;
    private int popupY;
    private int popupWidth;
    private int popupHeight;
    private boolean popupShown;

    private int cursor;
    private long paints;
    private long repeats;
    private Rectangle[] lastRects = new Rectangle[0];
    private long lastPaintNanos;
    private final long[] copyNanos = new long[SAMPLES];

    public synchronized void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Copies CEF's view paint: only the dirty rectangles, unless the size changed. */
    public void paint(ByteBuffer src, int srcWidth, int srcHeight, Rectangle[] dirtyRects) {
        Listener notify;
        synchronized (this) {
            long t0 = System.nanoTime();
            Rectangle changed;
            if (srcWidth != width || srcHeight != height) {
                pixels = ByteBuffer.allocateDirect(srcWidth * srcHeight * 4).order(ByteOrder.nativeOrder());
                width = srcWidth;
                height = srcHeight;
                generation++;
                changed = new Rectangle(0, 0, width, height);
                copy(src, srcWidth, changed);
            } else {
                changed = null;
                for (Rectangle r : dirtyRects) {
                    Rectangle c = r.intersection(new Rectangle(0, 0, width, height));
                    if (c.isEmpty()) {
                        continue;
                    }
                    copy(src, srcWidth, c);
                    changed = changed == null ? c : changed.union(c);
                }
            }
            if (popupShown && popupPixels != null) {
                Rectangle p = blitPopup();
                changed = changed == null ? p : (p == null ? changed : changed.union(p));
            }
            // This JCEF delivers every frame twice, about a millisecond apart, with the same rects.
            if (t0 - lastPaintNanos < 5_000_000L && java.util.Arrays.equals(dirtyRects, lastRects)) {
                repeats++;
            } else {
                fresh = true;
            }
            lastRects = dirtyRects.clone();
            lastPaintNanos = t0;
            copyNanos[(int) (paints % SAMPLES)] = System.nanoTime() - t0;
            paints++;
            notify = markDirty(changed);
        }
        notify.framesReady();
    }

    /** Stores and draws a popup widget's paint at the popup position. */
    public void paintPopup(ByteBuffer src, int srcWidth, int srcHeight) {
        Listener notify;
        synchronized (this) {
            int bytes = srcWidth * srcHeight * 4;
            if (popupPixels == null || popupPixels.capacity() < bytes) {
                popupPixels = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            }
            popupPixels.clear();
            popupPixels.put(0, src, 0, bytes);
            popupWidth = srcWidth;
            popupHeight = srcHeight;
            fresh = true;
            notify = markDirty(blitPopup());
        }
        notify.framesReady();
    }

    public synchronized void popupShown(boolean shown) {
        popupShown = shown;
        if (!shown) {
            popupPixels = null;
        }
    }

    public synchronized void popupRect(int x, int y) {
        popupX = x;
        popupY = y;
    }

    /** Takes the waiting frame (FX thread); null if nothing changed. */
    public synchronized Frame take() {
        pending = false;
        if (dirty == null) {
            return null;
        }
        Frame f = new Frame(pixels, width, height, generation, dirty, fresh);
        dirty = null;
        fresh = false;
        return f;
    }

    /** The current pixels, for a caller that needs a full frame (e.g. a new node). */
    public synchronized Frame current() {
        return new Frame(pixels, width, height, generation, new Rectangle(0, 0, width, height), true);
    }

    public synchronized int cursor() {
        return cursor;
    }

    public void cursor(int type) {
        synchronized (this) {
            cursor = type;
        }
    }

    /** Number of paints CEF delivered so far. */
    public synchronized long paints() {
        return paints;
    }

    /** Paints that repeated the previous one (same rects within 5 ms): CEF frames = paints - repeats. */
    public synchronized long repeats() {
        return repeats;
    }

    /** Copy times of the most recent paints (at most 16,384), in nanoseconds, oldest first. */
    public synchronized long[] copyTimes() {
        int n = (int) Math.min(paints, SAMPLES);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = copyNanos[(int) ((paints - n + i) % SAMPLES)];
        }
        return out;
    }

    private Listener markDirty(Rectangle changed) {
        if (changed == null || changed.isEmpty()) {
            return () -> {};
        }
        dirty = dirty == null ? changed : dirty.union(changed);
        if (pending) {
            return () -> {};
        }
        pending = true;
        return listener;
    }

    private void copy(ByteBuffer src, int srcWidth, Rectangle r) {
        int rowBytes = r.width * 4;
        for (int y = r.y; y < r.y + r.height; y++) {
            int offset = (y * srcWidth + r.x) * 4;
            pixels.put((y * width + r.x) * 4, src, offset, rowBytes);
        }
    }

    private Rectangle blitPopup() {
        Rectangle target =
                new Rectangle(popupX, popupY, popupWidth, popupHeight).intersection(new Rectangle(0, 0, width, height));
        if (target.isEmpty()) {
            return null;
        }
        int rowBytes = target.width * 4;
        for (int y = target.y; y < target.y + target.height; y++) {
            int srcOffset = ((y - popupY) * popupWidth + (target.x - popupX)) * 4;
            pixels.put((y * width + target.x) * 4, popupPixels, srcOffset, rowBytes);
        }
        return target;
    }
}
