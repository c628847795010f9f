package dev.candor.media;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.WebcamException;
import com.github.sarxos.webcam.WebcamLockException;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cameras through webcam-capture. The driver is passed in (tests pass one with synthetic
 * pictures); we talk to it directly instead of through webcam-capture's static {@code Webcam}
 * registry, so nothing global is set. Not thread-safe: the preview thread is its only user.
 */
public final class WebcamCaptureCameras implements CameraSource {
    private static final Logger LOG = LoggerFactory.getLogger(WebcamCaptureCameras.class);

    private final Supplier<WebcamDriver> driverFactory;
    private final List<WebcamDevice> devices = new ArrayList<>();
    private WebcamDriver driver;

    public WebcamCaptureCameras(WebcamDriver driver) {
        this(() -> driver);
    }

    private WebcamCaptureCameras(Supplier<WebcamDriver> driverFactory) {
        this.driverFactory = driverFactory;
    }

    /**
     * The cameras of this computer, through webcam-capture's built-in native driver. The driver
     * (and its native library) is loaded on first use, on the preview thread, not at start-up.
     */
    public static WebcamCaptureCameras withDefaultDriver() {
        return new WebcamCaptureCameras(WebcamDefaultDriver::new);
    }

    @Override
    public List<CameraInfo> cameras() throws CameraException {
        List<WebcamDevice> found;
        try {
            if (driver == null) driver = driverFactory.get();
            found = driver.getDevices();
        } catch (RuntimeException | LinkageError e) {
            throw new CameraException(CameraProblem.UNAVAILABLE, "camera driver failed: " + e, e);
        }
        devices.clear();
        devices.addAll(found);
        List<CameraInfo> cameras = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            cameras.add(new CameraInfo(Integer.toString(i), found.get(i).getName()));
        }
        if (cameras.isEmpty() && videoDevicesExistButAreUnreadable()) {
            throw new CameraException(
                    CameraProblem.PERMISSION_DENIED, "video devices exist but this user may not read them", null);
        }
        return cameras;
    }

    @Override
    public CameraFeed open(CameraInfo camera) throws CameraException {
        int index = Integer.parseInt(camera.id());
        if (index < 0 || index >= devices.size()) {
            throw new CameraException(CameraProblem.NO_CAMERA, "camera gone: " + camera.name(), null);
        }
        WebcamDevice device = devices.get(index);
        try {
            device.open();
        } catch (RuntimeException e) {
            throw new CameraException(classify(e), "could not open " + camera.name() + ": " + e.getMessage(), e);
        }
        return new Feed(device);
    }

    /** Sorts a driver's failure into what people are told. */
    static CameraProblem classify(Throwable e) {
        if (e instanceof WebcamLockException) {
            return CameraProblem.BUSY;
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("permission") || text.contains("denied") || text.contains("not authorized")) {
            return CameraProblem.PERMISSION_DENIED;
        }
        if (text.contains("busy") || text.contains("in use") || e instanceof WebcamException) {
            // The native grabber reports a camera held by another program only as "cannot start".
            return CameraProblem.BUSY;
        }
        return CameraProblem.UNAVAILABLE;
    }

    private static boolean videoDevicesExistButAreUnreadable() {
        Path dev = Path.of("/dev");
        if (!Files.isDirectory(dev)) return false;
        boolean any = false;
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(dev, "video*")) {
            for (Path node : nodes) {
                any = true;
                if (Files.isReadable(node)) return false;
            }
        } catch (IOException e) {
            return false;
        }
        return any;
    }

    private static final class Feed implements CameraFeed {
        private final WebcamDevice device;

        Feed(WebcamDevice device) {
            this.device = device;
        }

        @Override
        public Frame grab(Frame reuse) throws CameraException {
            BufferedImage image;
            try {
                image = device.getImage();
            } catch (RuntimeException e) {
                throw new CameraException(classify(e), "camera read failed: " + e.getMessage(), e);
            }
            return image == null ? null : toFrame(image, reuse);
        }

        @Override
        public void close() {
            try {
                device.close();
            } catch (RuntimeException e) {
                LOG.warn("Camera did not close cleanly", e);
            }
        }
    }

    /** Copies a picture into ARGB pixels, reusing the previous frame's array when sizes match. */
    static Frame toFrame(BufferedImage image, Frame reuse) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = reuse != null && reuse.width() == w && reuse.height() == h ? reuse.argb() : new int[w * h];
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && image.getRaster().getParent() == null) {
            int[] src = ints.getData();
            for (int i = 0; i < w * h; i++) pixels[i] = 0xFF000000 | src[i];
        } else {
            image.getRGB(0, 0, w, h, pixels, 0, w);
            for (int i = 0; i < w * h; i++) pixels[i] |= 0xFF000000;
        }
        return new Frame(w, h, pixels);
    }
}
