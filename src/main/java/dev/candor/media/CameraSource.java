package dev.candor.media;

import java.util.List;

/**
 * The port to the cameras of this computer. Every method may block on the device, so callers
 * use it from a background thread, never from the FX thread.
 */
public interface CameraSource {
    /** The cameras present now; empty when there are none. */
    List<CameraInfo> cameras() throws CameraException;

    /** Opens one camera for pictures; the feed must be closed to free the device. */
    CameraFeed open(CameraInfo camera) throws CameraException;

    /** An open camera. Used by one thread at a time. */
    interface CameraFeed extends AutoCloseable {
        /** The next picture, or null if the camera has none yet. */
        Frame grab(Frame reuse) throws CameraException;

        /** Frees the device; never throws. */
        @Override
        void close();
    }
}
