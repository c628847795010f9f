package dev.candor.bench;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor for {@link StartupBench}: a JavaFX app with one label and the default theme, started
 * the same way, printing "READY <ms>" after its first laid-out pulse. Not part of Candor.
 */
public final class StartupBaseline {
    private StartupBaseline() {}

    public static void main(String[] args) {
        // A plain main class: the java launcher refuses an Application subclass on the class path.
        Application.launch(App.class, args);
    }

    /** The one-label application. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Label("Baseline"), 1100, 720);
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    Platform.runLater(() -> {
                        Instant started =
                                ProcessHandle.current().info().startInstant().orElse(Instant.now());
                        System.err.println("READY "
                                + Duration.between(started, Instant.now()).toMillis());
                        Platform.exit();
                    });
                }
            });
            stage.setScene(scene);
            stage.show();
        }
    }
}
