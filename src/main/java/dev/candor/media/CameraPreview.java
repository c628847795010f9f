package dev.candor.media;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows what the camera sees before a call. Device work runs on a thread named
 * "candor-camera-preview" (one per start; a new start waits for the old one to free the device),
 * and the listener is called on that thread. {@link #stop()} never blocks: the thread closes the
 * camera itself within one frame.
 */
public final class CameraPreview {
    private static final Logger LOG = LoggerFactory.getLogger(CameraPreview.class);
    private static final long FRAME_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(33);

    /** Receives the preview's findings, on the preview thread. */
    public interface Listener {
        void camerasFound(List<CameraInfo> cameras);

        /** The state changed; {@code camera} is the camera in use, or null. */
        void stateChanged(CameraState state, CameraInfo camera);

        /** A new picture; copy it before returning, the array is reused. */
        void frame(Frame frame);
    }

    private final CameraSource source;
    private final Listener listener;
    // Held by a session for as long as it may touch the source, which is not thread-safe.
    private final ReentrantLock deviceLock = new ReentrantLock();
    private Session session;

    public CameraPreview(CameraSource source, Listener listener) {
        this.source = source;
        this.listener = listener;
    }

    /** Starts (or restarts) the preview, on the camera with this id if it is still there. */
    public synchronized void start(String preferredCameraId) {
        if (session != null) session.running = false;
        session = new Session(preferredCameraId);
        Thread thread = new Thread(session, "candor-camera-preview");
        thread.setDaemon(true);
        session.thread = thread;
        thread.start();
    }

    /** Stops the preview and frees the camera; returns at once. */
    public synchronized void stop() {
        if (session != null) {
            session.running = false;
            session = null;
        }
    }

    /** Waits until no preview thread holds the camera; for shutdown and tests. */
    public boolean awaitReleased(long timeout, TimeUnit unit) throws InterruptedException {
        if (deviceLock.tryLock(timeout, unit)) {
            deviceLock.unlock();
            return true;
        }
        return false;
    }

    private synchronized boolean isCurrent(Session s) {
        return session == s;
    }

    private final class Session implements Runnable {
        private final String preferredId;
        volatile boolean running = true;
        Thread thread;

        Session(String preferredId) {
            this.preferredId = preferredId;
        }

        @Override
        public void run() {
            deviceLock.lock();
            try {
                if (!running) return;
                runLocked();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Camera preview failed", e);
                report(CameraState.UNAVAILABLE, null);
            } finally {
                deviceLock.unlock();
            }
        }

        private void runLocked() {
            report(CameraState.STARTING, null);
            List<CameraInfo> cameras;
            try {
                cameras = source.cameras();
            } catch (CameraException e) {
                LOG.info("No camera list: {} ({})", e.problem(), e.getMessage());
                report(CameraState.of(e.problem()), null);
                return;
            }
            if (isCurrent(this)) listener.camerasFound(cameras);
            if (cameras.isEmpty()) {
                report(CameraState.NO_CAMERA, null);
                return;
            }
            CameraInfo chosen = cameras.stream()
                    .filter(c -> c.id().equals(preferredId))
                    .findFirst()
                    .orElse(cameras.get(0));
            Frame frame = null;
            boolean live = false;
            try (CameraSource.CameraFeed feed = source.open(chosen)) {
                long next = System.nanoTime();
                while (running) {
                    Frame grabbed = feed.grab(frame);
                    if (grabbed == null) {
                        sleepNanos(TimeUnit.MILLISECONDS.toNanos(10));
                        continue;
                    }
                    frame = grabbed;
                    if (!running) break;
                    if (!live) {
                        live = true;
                        report(CameraState.LIVE, chosen);
                    }
                    if (isCurrent(this)) listener.frame(frame);
                    next += FRAME_INTERVAL_NANOS;
                    long wait = next - System.nanoTime();
                    if (wait > 0) sleepNanos(wait);
                    else next = System.nanoTime();
                }
            } catch (CameraException e) {
                LOG.info("Camera {} stopped: {} ({})", chosen.name(), e.problem(), e.getMessage());
                report(CameraState.of(e.problem()), chosen);
                return;
            }
            if (!running && !isCurrent(this)) {
                listener.stateChanged(CameraState.STOPPED, null);
            }
        }

        private void report(CameraState state, CameraInfo camera) {
            if (isCurrent(this)) listener.stateChanged(state, camera);
        }

        private void sleepNanos(long nanos) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }
}
