package dev.candor.app;

import dev.candor.browser.BrowserRuntime;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.SplashScreen;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.LoggerFactory;

/**
 * Progress for the first start, while the embedded browser unpacks (about two seconds). It cannot
 * be JavaFX: Chromium must be initialised before the JavaFX toolkit starts. Where the Java
 * launcher shows Candor's splash image ({@code -splash:}, set by {@code exec:exec} and the
 * installers; it appears before the JVM loads anything), the progress is drawn onto it and the
 * splash stays until the join screen is ready; otherwise a small plain-AWT window shows it.
 *
 * <p>Threads: progress arrives on the starting thread; the window lives on the AWT event thread.
 */
final class FirstRunSplash implements BrowserRuntime.ProgressListener, AutoCloseable {
    private final SplashScreen launcherSplash = launcherSplash();
    private volatile Window window;
    private volatile String text = "Preparing Candor";
    private volatile float fraction = -1f;
    private boolean done;
    private volatile boolean requested;

    @Override
    public void progress(String step, float fraction) {
        boolean unpacking = step.startsWith("Unpacking") || step.startsWith("Installing");
        if (!unpacking && window == null) {
            // Nothing to show on later starts; do not even start AWT for it.
            return;
        }
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        this.text = step + "…";
        this.fraction = fraction;
        if (launcherSplash != null) {
            drawOnLauncherSplash();
            return;
        }
        requested = true;
        EventQueue.invokeLater(() -> {
            if (done) {
                return;
            }
            if (window == null && unpacking) {
                show();
            }
            if (window != null) {
                window.repaint();
            }
        });
    }

    /**
     * Shows the window at once when this is the first start (the runtime is not unpacked yet), so
     * that progress is visible well before Chromium's own classes have loaded.
     */
    void showIfFirstStart(Path jcefInstallDir) {
        if (!Files.exists(jcefInstallDir.resolve("install.lock"))) {
            progress("Unpacking the embedded browser (first start only)", -1f);
        }
    }

    /** Closes the window, whether the start succeeded or failed. */
    @Override
    public void close() {
        if (!requested) {
            return;
        }
        EventQueue.invokeLater(() -> {
            done = true;
            if (window != null) {
                window.dispose();
                window = null;
            }
        });
    }

    /** Closes the launcher's splash image once Candor's own window is ready (no-op without one). */
    static void closeLauncherSplash() {
        SplashScreen splash = launcherSplash();
        if (splash != null) {
            try {
                splash.close();
            } catch (IllegalStateException alreadyClosed) {
                // Closed by the toolkit already.
            }
        }
    }

    private static SplashScreen launcherSplash() {
        try {
            SplashScreen splash = SplashScreen.getSplashScreen();
            return splash != null && splash.isVisible() ? splash : null;
        } catch (UnsupportedOperationException headlessOrUnsupported) {
            return null;
        }
    }

    private void drawOnLauncherSplash() {
        try {
            Graphics2D g = launcherSplash.createGraphics();
            Dimension size = launcherSplash.getSize();
            g.setColor(new Color(0xF4F5F7));
            g.fillRect(0, size.height - 44, size.width, 44);
            paintProgress(g, size.width, size.height - 40);
            g.dispose();
            launcherSplash.update();
        } catch (IllegalStateException closed) {
            // The splash was closed in the meantime.
        }
    }

    /** The step's words and a bar (moving while the fraction is unknown), from {@code top}. */
    private void paintProgress(Graphics g, int width, int top) {
        g.setColor(new Color(0x1F2328));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(text, 22, top + 12);
        int barWidth = width - 44;
        g.setColor(new Color(0xD0D7DE));
        g.fillRect(22, top + 22, barWidth, 8);
        g.setColor(new Color(0x0969DA));
        float f = fraction;
        if (f >= 0) {
            g.fillRect(22, top + 22, Math.round(barWidth * Math.min(1f, f)), 8);
        } else {
            long phase = (System.nanoTime() / 10_000_000L) % 100;
            g.fillRect(22 + (int) (barWidth * phase / 100) * 3 / 4, top + 22, barWidth / 4, 8);
        }
    }

    private void show() {
        Window w = new Window(new Frame()) {
            @Override
            public void paint(Graphics g) {
                g.setColor(new Color(0xF4F5F7));
                g.fillRect(0, 0, getWidth(), getHeight());
                g.setColor(new Color(0x1F2328));
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
                g.drawString("Candor", 22, 40);
                paintProgress(g, getWidth(), 60);
            }
        };
        w.setSize(420, 124);
        w.setLocationRelativeTo(null);
        w.setVisible(true);
        window = w;
        Instant shown = Instant.now();
        Instant started = ProcessHandle.current().info().startInstant().orElse(shown);
        // Logged after the fact: the logger may still be starting on another thread.
        LoggerFactory.getLogger(FirstRunSplash.class)
                .info(
                        "First-start progress shown {} ms after process start",
                        Duration.between(started, shown).toMillis());
    }
}
