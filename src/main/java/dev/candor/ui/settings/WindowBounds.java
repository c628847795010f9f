package dev.candor.ui.settings;

/** Where the main window was when it was last closed, so it opens there again. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    /** Whether the size is one a window can have; a hand-edited file may say otherwise. */
    public boolean plausible() {
        return width >= 200
                && height >= 150
                && width < 100_000
                && height < 100_000
                && Double.isFinite(x)
                && Double.isFinite(y);
    }
}
