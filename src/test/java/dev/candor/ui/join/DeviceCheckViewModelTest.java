package dev.candor.ui.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.media.CameraState;
import dev.candor.media.MicrophoneSource;
import dev.candor.media.SyntheticCameras;
import dev.candor.media.WebcamCaptureCameras;
import dev.candor.ui.UiParts;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class DeviceCheckViewModelTest {
    private static final MicrophoneSource NO_MICROPHONE = () -> {
        throw new MicrophoneSource.MicrophoneException(MicrophoneSource.Problem.NO_MICROPHONE, "none", null);
    };

    private static DeviceCheckViewModel model(SyntheticCameras cameras, MicrophoneSource microphone) {
        // Findings are applied on the reporting thread; the properties are only read after awaiting.
        return new DeviceCheckViewModel(new WebcamCaptureCameras(cameras), microphone, UiParts.texts(), Runnable::run);
    }

    private static void awaitState(DeviceCheckViewModel model, CameraState state) {
        until(() -> model.cameraStateProperty().get() == state);
    }

    private static void until(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 5 s", e);
        }
    }

    @Test
    void noCameraIsSaidPlainly() {
        DeviceCheckViewModel model = model(new SyntheticCameras(), NO_MICROPHONE);

        model.start();

        awaitState(model, CameraState.NO_CAMERA);
        assertThat(model.cameraMessageProperty().get()).startsWith("No camera found");
        until(() -> model.microphoneMessageProperty().get().startsWith("No microphone found"));
    }

    @Test
    void aCameraHeldByAnotherProgramIsReportedBusy() {
        DeviceCheckViewModel model =
                model(new SyntheticCameras().addFailing("Held", "Device or resource busy"), NO_MICROPHONE);

        model.start();

        awaitState(model, CameraState.BUSY);
        assertThat(model.cameraMessageProperty().get()).startsWith("The camera is busy");
    }

    @Test
    void aForbiddenCameraIsReportedAsPermissionDenied() {
        DeviceCheckViewModel model =
                model(new SyntheticCameras().addFailing("Locked", "Permission denied"), NO_MICROPHONE);

        model.start();

        awaitState(model, CameraState.PERMISSION_DENIED);
        assertThat(model.cameraMessageProperty().get()).contains("may not use the camera");
    }

    @Test
    void stoppingReleasesTheCamera() throws Exception {
        SyntheticCameras cameras = new SyntheticCameras().add("Front", 0xFF0000, 0x0000FF);
        DeviceCheckViewModel model = model(cameras, SyntheticCameras.tone(0.5));
        model.start();
        awaitState(model, CameraState.LIVE);
        assertThat(cameras.device(0).isOpen()).isTrue();

        model.stop();

        assertThat(model.awaitCameraReleased(2000)).isTrue();
        assertThat(cameras.device(0).isOpen()).isFalse();
        assertThat(model.cameraStateProperty().get()).isEqualTo(CameraState.STOPPED);
    }

    @Test
    void aToneMovesTheMicrophoneLevel() {
        DeviceCheckViewModel model = model(new SyntheticCameras(), SyntheticCameras.tone(0.5));

        model.start();

        until(() -> model.microphoneLevelProperty().get() > 0.8);
        assertThat(model.microphoneMessageProperty().get()).isEqualTo("Speak to see the level move.");
        model.stop();
    }
}
