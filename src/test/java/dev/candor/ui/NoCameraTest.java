package dev.candor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.media.CameraState;
import dev.candor.media.MicrophoneSource;
import dev.candor.media.WebcamCaptureCameras;
import dev.candor.ui.call.MeetingDetailsScreens;
import dev.candor.ui.join.JoinPrefill;
import dev.candor.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The join screen with webcam-capture's real native driver, on a machine without a camera. */
@ExtendWith(ApplicationExtension.class)
class NoCameraTest {
    private MainWindow window;
    private SettingsStore settings;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("candor-no-camera");
        settings = new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC());
        settings.load();
        MicrophoneSource none = () -> {
            throw new MicrophoneSource.MicrophoneException(MicrophoneSource.Problem.NO_MICROPHONE, "none", null);
        };
        window = new MainWindow(
                stage,
                new UiParts(
                        dir,
                        settings,
                        JoinPrefill.none(),
                        WebcamCaptureCameras.withDefaultDriver(),
                        none,
                        new MeetingDetailsScreens(UiParts.texts()),
                        Optional::empty,
                        Runnable::run,
                        Clock.systemUTC(),
                        UiParts.texts(),
                        () -> {}));
        window.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
        settings.close();
    }

    @Test
    void theDefaultDriverOnAMachineWithoutCameraSaysNoCameraFound(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> window.devices().cameraStateProperty().get() != CameraState.STARTING
                        && window.devices().cameraStateProperty().get() != CameraState.STOPPED);

        assertThat(window.devices().cameraStateProperty().get()).isEqualTo(CameraState.NO_CAMERA);
        Label state = robot.lookup("#camera-state").queryAs(Label.class);
        assertThat(state.getText()).startsWith("No camera found");
        assertThat(state.isVisible()).isTrue();
        assertThat(robot.lookup("#mic-state").queryAs(Label.class).getText()).startsWith("No microphone found");
    }
}
