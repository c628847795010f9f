package dev.candor.media;

/**
 * The port to the microphone. {@link #open()} may block on the device, so it is called from a
 * background thread. Audio is 16 kHz, mono, signed 16-bit little-endian.
 */
public interface MicrophoneSource {
    /** Samples per second of the audio read from {@link MicrophoneInput}. */
    float SAMPLE_RATE = 16_000f;

    /** Opens the default microphone. */
    MicrophoneInput open() throws MicrophoneException;

    /** An open microphone. Used by one thread at a time. */
    interface MicrophoneInput extends AutoCloseable {
        /** Reads up to {@code length} bytes, blocking until some are there; -1 at the end. */
        int read(byte[] buffer, int offset, int length) throws MicrophoneException;

        /** Frees the device; never throws. */
        @Override
        void close();
    }

    /** Why there is no microphone level. */
    enum Problem {
        NO_MICROPHONE,
        BUSY,
        PERMISSION_DENIED
    }

    /** A microphone could not be opened or read. */
    final class MicrophoneException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        public MicrophoneException(Problem problem, String message, Throwable cause) {
            super(message, cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
