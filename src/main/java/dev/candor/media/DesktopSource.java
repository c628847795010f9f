package dev.candor.media;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A screen or window the user can share, named the way Chromium names desktop capture sources
 * ({@code screen:<id>:0}, {@code window:<id>:0}), so the id can go straight into a page's {@code
 * getUserMedia({video: {mandatory: {chromeMediaSource: 'desktop', chromeMediaSourceId: id}}})}.
 *
 * @param thumbnailPng a small PNG preview, or null where taking one is not cheap
 */
public record DesktopSource(String id, Kind kind, String name, int width, int height, byte[] thumbnailPng) {
    /** What is shared. */
    public enum Kind {
        SCREEN,
        WINDOW
    }

    private static final Pattern ID = Pattern.compile("(screen|window):-?\\d{1,19}:0");

    public DesktopSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a desktop source id: " + id);
        }
        if (!id.startsWith(kind == Kind.SCREEN ? "screen:" : "window:")) {
            throw new IllegalArgumentException("Id " + id + " is not a " + kind);
        }
    }

    /** The thumbnail, if one was taken. */
    public Optional<byte[]> thumbnail() {
        return Optional.ofNullable(thumbnailPng);
    }

    /** A copy without the thumbnail (what is kept once the user picked). */
    public DesktopSource withoutThumbnail() {
        return new DesktopSource(id, kind, name, width, height, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesktopSource s && s.id.equals(id) && s.kind == kind && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return kind + " " + id + " (" + width + "x" + height + ")";
    }
}
