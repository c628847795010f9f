package dev.candor.media;

/**
 * One camera picture as opaque ARGB pixels, row by row. The preview reuses frames, so a
 * receiver copies what it needs before returning.
 */
public final class Frame {
    private final int width;
    private final int height;
    private final int[] argb;

    public Frame(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0 || argb.length < width * height) {
            throw new IllegalArgumentException("bad frame " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.argb = argb;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels; shared, not copied. */
    public int[] argb() {
        return argb;
    }
}
