package dev.candor.media;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor's rule for screen capture in one meeting: a desktop source id is handed to a page only
 * when the page is the meeting's own (its origin is one of the meeting's origins), only for a
 * source the user chose in Candor's picker just now, and only one picker at a time. Every other
 * request is refused without showing anything. The grant is what the page may capture until
 * sharing stops.
 *
 * <p>Threads: {@link #request} may be called from any thread; sources are listed on {@code
 * background}, the picker runs wherever it completes.
 */
public final class ScreenShareGate {
    private static final Logger log = LoggerFactory.getLogger(ScreenShareGate.class);

    private final Set<String> meetingOrigins;
    private final DesktopSources sources;
    private final DesktopPicker picker;
    private final Executor background;
    private final AtomicBoolean picking = new AtomicBoolean();
    private volatile Optional<DesktopSource> granted = Optional.empty();
    private volatile CompletableFuture<Optional<DesktopSource>> openPicker;
    private volatile boolean closed;

    /** @param meetingOrigins origins as {@code scheme://host:port} (the port always written) */
    public ScreenShareGate(
            Set<String> meetingOrigins, DesktopSources sources, DesktopPicker picker, Executor background) {
        this.meetingOrigins = Set.copyOf(meetingOrigins);
        this.sources = Objects.requireNonNull(sources);
        this.picker = Objects.requireNonNull(picker);
        this.background = Objects.requireNonNull(background);
    }

    /**
     * A page of {@code origin} asks to share the screen: shows the picker if the page may ask, and
     * completes with the chosen source (now granted), or empty if refused or cancelled.
     */
    public CompletionStage<Optional<DesktopSource>> request(String origin) {
        if (!meetingOrigins.contains(origin)) {
            log.warn("Screen capture refused to a page that is not the meeting's ({})", origin);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (closed) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (!picking.compareAndSet(false, true)) {
            log.info("Screen capture request ignored: the picker is already open");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<DesktopSource>> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(sources::list, background)
                .thenCompose(list -> {
                    CompletableFuture<Optional<DesktopSource>> choosing =
                            picker.choose(list).toCompletableFuture();
                    openPicker = choosing;
                    if (closed) {
                        choosing.cancel(false);
                    }
                    return choosing.thenApply(choice -> offered(choice, list));
                })
                .whenComplete((choice, error) -> {
                    picking.set(false);
                    openPicker = null;
                    if (error != null || closed) {
                        if (closed) {
                            log.info("Screen picker closed: the call ended");
                        } else {
                            log.warn("Screen picker failed", error);
                        }
                        result.complete(Optional.empty());
                        return;
                    }
                    granted = choice.map(DesktopSource::withoutThumbnail);
                    log.info(
                            "Screen sharing {}",
                            choice.isPresent() ? "granted: " + choice.get().kind() : "cancelled");
                    result.complete(granted);
                });
        return result;
    }

    /** Only a source that was offered counts: a picker cannot invent one. */
    private static Optional<DesktopSource> offered(Optional<DesktopSource> choice, List<DesktopSource> list) {
        return choice.filter(c -> list.stream().anyMatch(s -> s.id().equals(c.id())));
    }

    /** What the meeting may capture now, if the user chose something and has not stopped. */
    public Optional<DesktopSource> granted() {
        return granted;
    }

    /**
     * The call has ended: the grant is gone, an open picker is closed (its answer would go
     * nowhere) and later requests are refused.
     */
    public void close() {
        closed = true;
        stopped();
        CompletableFuture<Optional<DesktopSource>> open = openPicker;
        if (open != null) {
            open.cancel(false);
        }
    }

    /** Sharing stopped (by the user, the page or the end of the call): the grant is gone. */
    public void stopped() {
        if (granted.isPresent()) {
            log.info("Screen sharing stopped");
        }
        granted = Optional.empty();
    }
}
