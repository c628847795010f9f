package dev.candor.media;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webcam-capture driver for tests: cameras that paint a known pattern (the left half one
 * colour, the right half another, a white square at the top left), or fail to open as a real
 * busy or forbidden camera does. This machine has no camera.
 */
public final class SyntheticCameras implements WebcamDriver {
    public static final int WIDTH = 64;
    public static final int HEIGHT = 48;

    private final List<WebcamDevice> devices = new ArrayList<>();

    public SyntheticCameras add(String name, int left, int right) {
        devices.add(new Device(name, left, right, null));
        return this;
    }

    /** A camera whose open fails with this driver message, e.g. "Device or resource busy". */
    public SyntheticCameras addFailing(String name, String failure) {
        devices.add(new Device(name, 0, 0, failure));
        return this;
    }

    public Device device(int index) {
        return (Device) devices.get(index);
    }

    @Override
    public List<WebcamDevice> getDevices() {
        return List.copyOf(devices);
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    /** The ARGB pixel the pattern has at (x, y). */
    public static int expectedPixel(int left, int right, int x, int y) {
        if (x < 8 && y < 8) return 0xFFFFFFFF;
        return 0xFF000000 | (x < WIDTH / 2 ? left : right);
    }

    /** One synthetic camera; counts how often it was opened and whether it is open now. */
    public static final class Device implements WebcamDevice {
        private final String name;
        private final int left;
        private final int right;
        private final String failure;
        private final BufferedImage image;
        private volatile boolean open;
        public final AtomicInteger opens = new AtomicInteger();

        Device(String name, int left, int right, String failure) {
            this.name = name;
            this.left = left;
            this.right = right;
            this.failure = failure;
            this.image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    image.setRGB(x, y, expectedPixel(left, right, x, y));
                }
            }
        }

        public int left() {
            return left;
        }

        public int right() {
            return right;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Dimension[] getResolutions() {
            return new Dimension[] {new Dimension(WIDTH, HEIGHT)};
        }

        @Override
        public Dimension getResolution() {
            return new Dimension(WIDTH, HEIGHT);
        }

        @Override
        public void setResolution(Dimension size) {}

        @Override
        public BufferedImage getImage() {
            if (!open) throw new WebcamException("not open");
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return image;
        }

        @Override
        public void open() {
            if (failure != null) throw new WebcamException(failure);
            opens.incrementAndGet();
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public void dispose() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }

    /** A microphone that plays a steady tone, paced like a real one. */
    public static MicrophoneSource tone(double amplitude) {
        return () -> new MicrophoneSource.MicrophoneInput() {
            private long sample;

            @Override
            public int read(byte[] buffer, int offset, int length) {
                try {
                    Thread.sleep(length / 32);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                for (int i = 0; i + 1 < length; i += 2, sample++) {
                    short s = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 440 * sample / 16000.0));
                    buffer[offset + i] = (byte) s;
                    buffer[offset + i + 1] = (byte) (s >> 8);
                }
                return length - (length % 2);
            }

            @Override
            public void close() {}
        };
    }
}
