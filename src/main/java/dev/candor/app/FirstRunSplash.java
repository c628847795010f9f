package dev.candor.app;

import dev.candor.browser.BrowserRuntime;
import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JWindow;

/**
 * A small progress window for the first start, while the embedded browser unpacks (about two
 * seconds). It cannot be JavaFX: Chromium must be initialised before the JavaFX toolkit starts,
 * so this one window uses AWT/Swing, which JCEF loads anyway. Later starts never show it.
 *
 * <p>Threads: progress arrives on the starting thread; the window lives on the AWT event thread.
 */
final class FirstRunSplash implements BrowserRuntime.ProgressListener {
    private JWindow window;
    private JLabel label;
    private JProgressBar bar;
    private boolean done;

    @Override
    public void progress(String step, float fraction) {
        boolean unpacking = step.startsWith("Unpacking") || step.startsWith("Installing");
        boolean finished = step.startsWith("Embedded browser started");
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        EventQueue.invokeLater(() -> {
            if (done) {
                return;
            }
            if (finished) {
                done = true;
                if (window != null) {
                    window.dispose();
                    window = null;
                }
                return;
            }
            if (window == null && unpacking) {
                show();
            }
            if (window != null) {
                label.setText(step + "…");
                bar.setIndeterminate(fraction < 0);
                if (fraction >= 0) {
                    bar.setValue(Math.round(fraction * 100));
                }
            }
        });
    }

    private void show() {
        label = new JLabel("Preparing Candor…");
        bar = new JProgressBar(0, 100);
        JLabel title = new JLabel("Candor");
        title.setFont(title.getFont().deriveFont(18f));
        JPanel panel = new JPanel(new BorderLayout(0, 10));
        panel.setBorder(BorderFactory.createEmptyBorder(18, 22, 18, 22));
        panel.add(title, BorderLayout.NORTH);
        panel.add(label, BorderLayout.CENTER);
        panel.add(bar, BorderLayout.SOUTH);
        window = new JWindow();
        window.setContentPane(panel);
        window.setSize(420, 130);
        window.setLocationRelativeTo(null);
        window.setVisible(true);
    }
}
