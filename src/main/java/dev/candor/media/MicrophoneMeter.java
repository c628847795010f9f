package dev.candor.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how loud the microphone is, so people see it works before joining. Reads 50 ms
 * blocks on the thread "candor-microphone-meter" and reports their RMS level on a 60 dB scale
 * (0 = silence or below -60 dBFS, 1 = full scale) to the listener, on that thread.
 */
public final class MicrophoneMeter {
    private static final Logger LOG = LoggerFactory.getLogger(MicrophoneMeter.class);
    private static final int BLOCK_BYTES = (int) (MicrophoneSource.SAMPLE_RATE / 20) * 2;

    /** Receives the meter's readings on the meter thread. */
    public interface Listener {
        /** The microphone is live ({@code problem} null) or cannot be used. */
        void stateChanged(boolean live, MicrophoneSource.Problem problem);

        void level(double level);
    }

    private final MicrophoneSource source;
    private final Listener listener;
    private volatile boolean running;

    public MicrophoneMeter(MicrophoneSource source, Listener listener) {
        this.source = source;
        this.listener = listener;
    }

    /** Starts measuring; does nothing if already running. */
    public synchronized void start() {
        if (running) return;
        running = true;
        Thread thread = new Thread(this::run, "candor-microphone-meter");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops measuring and frees the microphone within one block; returns at once. */
    public synchronized void stop() {
        running = false;
    }

    private void run() {
        try (MicrophoneSource.MicrophoneInput input = source.open()) {
            listener.stateChanged(true, null);
            byte[] block = new byte[BLOCK_BYTES];
            while (running) {
                int filled = 0;
                while (filled < block.length && running) {
                    int n = input.read(block, filled, block.length - filled);
                    if (n < 0) {
                        running = false;
                        break;
                    }
                    filled += n;
                }
                if (filled >= 2) listener.level(level(block, filled));
            }
        } catch (MicrophoneSource.MicrophoneException e) {
            LOG.info("No microphone level: {} ({})", e.problem(), e.getMessage());
            listener.stateChanged(false, e.problem());
        } catch (RuntimeException e) {
            LOG.warn("Microphone meter failed", e);
            listener.stateChanged(false, MicrophoneSource.Problem.NO_MICROPHONE);
        } finally {
            running = false;
        }
    }

    /** The RMS of 16-bit little-endian samples, mapped from -60..0 dBFS to 0..1. */
    public static double level(byte[] pcm, int length) {
        int samples = length / 2;
        if (samples == 0) return 0;
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            int s = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            sum += (double) s * s;
        }
        double rms = Math.sqrt(sum / samples) / 32768.0;
        if (rms <= 0) return 0;
        double db = 20 * Math.log10(rms);
        return Math.max(0, Math.min(1, (db + 60) / 60));
    }
}
