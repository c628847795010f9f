package dev.candor.app;

import dev.candor.ui.MainWindow;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. JavaFX instantiates it with no arguments, so {@link Main} passes the
 * wired objects through {@link #launch(Wiring)}: a one-shot hand-off that is taken (and emptied)
 * in {@link #init()}, not a registry anything else can read.
 */
public final class CandorApp extends Application {
    private static final AtomicReference<Wiring> HANDOFF = new AtomicReference<>();

    private Wiring wiring;
    private MainWindow window;

    /** Starts JavaFX with this wiring and blocks until the last window closes. Once per process. */
    public static void launch(Wiring wiring) {
        if (!HANDOFF.compareAndSet(null, wiring)) {
            throw new IllegalStateException("Candor was already launched in this process");
        }
        Application.launch(CandorApp.class);
    }

    @Override
    public void init() {
        wiring = HANDOFF.getAndSet(null);
        if (wiring == null) {
            throw new IllegalStateException("Start Candor through dev.candor.app.Main, which wires it");
        }
    }

    @Override
    public void start(Stage stage) {
        wiring.loaded().join();
        window = new MainWindow(stage, wiring.ui());
        window.show();
        MainWindow shown = window;
        wiring.links().accept(prefill -> Platform.runLater(() -> shown.receive(prefill)));
    }

    @Override
    public void stop() {
        if (window != null) window.close();
    }
}
