package dev.candor.ai.stt;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands memory the native speech engine has freed back to the operating system. Kaldi (under
 * Vosk) allocates and frees its decoder's buffers at every utterance; glibc keeps the freed pages,
 * so a call's speech to text grew by about 100 MB that nothing used. {@code malloc_trim} returns
 * them; it walks the heap, so it runs at most once per interval. Does nothing where the C library
 * is not glibc (Windows, macOS, musl).
 */
public final class NativeHeap {
    private static final Logger LOG = LoggerFactory.getLogger(NativeHeap.class);
    /** glibc's {@code M_ARENA_MAX} option of {@code mallopt}. */
    private static final int M_ARENA_MAX = -8;

    private final Function trim;
    private final Function mallopt;
    private final LongSupplier clockMs;
    private final long intervalMs;
    private long lastTrimMs = Long.MIN_VALUE / 2;

    /** The C library of this process, trimming at most every {@code intervalMs}. */
    public NativeHeap(long intervalMs) {
        this(intervalMs, System::currentTimeMillis);
    }

    NativeHeap(long intervalMs, LongSupplier clockMs) {
        this.intervalMs = intervalMs;
        this.clockMs = clockMs;
        Function t = null;
        Function o = null;
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            t = c.getFunction("malloc_trim");
            o = c.getFunction("mallopt");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debug("no glibc malloc_trim here: {}", e.toString());
        }
        trim = t;
        mallopt = o;
    }

    /** Whether this process's C library can give freed memory back. */
    public boolean available() {
        return trim != null;
    }

    /**
     * Gives freed native memory back unless that was done less than the interval ago.
     *
     * @return whether it trimmed now
     */
    public synchronized boolean trimSoon() {
        if (clockMs.getAsLong() - lastTrimMs < intervalMs) {
            return false;
        }
        return trimNow();
    }

    /**
     * Gives freed native memory back now (after something large was released).
     *
     * @return whether the C library could
     */
    public synchronized boolean trimNow() {
        if (trim == null) {
            return false;
        }
        lastTrimMs = clockMs.getAsLong();
        try {
            trim.invokeInt(new Object[] {0});
            return true;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.debug("malloc_trim failed: {}", e.toString());
            return false;
        }
    }

    /**
     * Caps glibc's per-thread malloc arenas (each reserves 64 MB and keeps what it once used), like
     * {@code MALLOC_ARENA_MAX} does, for arenas made from now on.
     *
     * @return whether the C library took the setting
     */
    public boolean limitArenas(int arenas) {
        if (mallopt == null) {
            return false;
        }
        try {
            return mallopt.invokeInt(new Object[] {M_ARENA_MAX, arenas}) == 1;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.debug("mallopt failed: {}", e.toString());
            return false;
        }
    }
}
