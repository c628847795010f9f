package dev.candor.app;

import dev.candor.browser.BrowserRuntime;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.LoggerFactory;

/**
 * A small progress window for the first start, while the embedded browser unpacks (about two
 * seconds). It cannot be JavaFX: Chromium must be initialised before the JavaFX toolkit starts,
 * so this one window is plain AWT (which JCEF loads anyway; Swing's set-up would cost another
 * half second before anything shows). Later starts never show it.
 *
 * <p>Threads: progress arrives on the starting thread; the window lives on the AWT event thread.
 */
final class FirstRunSplash implements BrowserRuntime.ProgressListener, AutoCloseable {
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
        requested = true;
        this.text = step + "…";
        this.fraction = fraction;
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

    private void show() {
        Window w = new Window(new Frame()) {
            @Override
            public void paint(Graphics g) {
                g.setColor(new Color(0xF4F5F7));
                g.fillRect(0, 0, getWidth(), getHeight());
                g.setColor(new Color(0x1F2328));
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
                g.drawString("Candor", 22, 40);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                g.drawString(text, 22, 72);
                int barWidth = getWidth() - 44;
                g.setColor(new Color(0xD0D7DE));
                g.fillRect(22, 92, barWidth, 8);
                g.setColor(new Color(0x0969DA));
                float f = fraction;
                if (f >= 0) {
                    g.fillRect(22, 92, Math.round(barWidth * Math.min(1f, f)), 8);
                } else {
                    long phase = (System.nanoTime() / 10_000_000L) % 100;
                    g.fillRect(22 + (int) (barWidth * phase / 100) * 3 / 4, 92, barWidth / 4, 8);
                }
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
