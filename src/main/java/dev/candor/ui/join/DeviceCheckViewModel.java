package dev.candor.ui.join;

import dev.candor.media.CameraInfo;
import dev.candor.media.CameraPreview;
import dev.candor.media.CameraSource;
import dev.candor.media.CameraState;
import dev.candor.media.Frame;
import dev.candor.media.MicrophoneMeter;
import dev.candor.media.MicrophoneSource;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The camera and microphone check on the join screen. Device work runs on the preview and meter
 * threads (see {@link CameraPreview}, {@link MicrophoneMeter}); their findings reach these
 * properties through {@code fx}, the FX thread's executor. Frames go straight to the frame
 * sink the view installs, on the preview thread, so the view can coalesce them.
 */
public final class DeviceCheckViewModel {
    private final ResourceBundle text;
    private final Executor fx;
    private final CameraPreview preview;
    private final MicrophoneMeter meter;

    private final ObservableList<CameraInfo> cameras = FXCollections.observableArrayList();
    private final ObjectProperty<CameraInfo> selectedCamera = new SimpleObjectProperty<>(this, "selectedCamera");
    private final ReadOnlyObjectWrapper<CameraState> cameraState =
            new ReadOnlyObjectWrapper<>(this, "cameraState", CameraState.STOPPED);
    private final ReadOnlyStringWrapper cameraMessage = new ReadOnlyStringWrapper(this, "cameraMessage", "");
    private final ReadOnlyDoubleWrapper microphoneLevel = new ReadOnlyDoubleWrapper(this, "microphoneLevel", 0);
    private final ReadOnlyStringWrapper microphoneMessage = new ReadOnlyStringWrapper(this, "microphoneMessage", "");

    private volatile Consumer<Frame> frameSink = f -> {};
    private volatile boolean levelPending;
    private volatile double latestLevel;
    private String activeCameraId;
    private boolean running;
    private boolean updatingList;

    public DeviceCheckViewModel(
            CameraSource cameraSource, MicrophoneSource microphone, ResourceBundle text, Executor fx) {
        this.text = text;
        this.fx = fx;
        this.preview = new CameraPreview(cameraSource, new CameraPreview.Listener() {
            @Override
            public void camerasFound(List<CameraInfo> found) {
                fx.execute(() -> {
                    updatingList = true;
                    try {
                        cameras.setAll(found);
                    } finally {
                        updatingList = false;
                    }
                });
            }

            @Override
            public void stateChanged(CameraState state, CameraInfo camera) {
                fx.execute(() -> {
                    if (!running) return; // a late report from a preview already stopped
                    cameraState.set(state);
                    cameraMessage.set(state == CameraState.LIVE ? "" : text.getString("camera." + state.name()));
                    if (camera != null) {
                        activeCameraId = camera.id();
                        updatingList = true;
                        try {
                            selectedCamera.set(camera);
                        } finally {
                            updatingList = false;
                        }
                    }
                });
            }

            @Override
            public void frame(Frame frame) {
                frameSink.accept(frame);
            }
        });
        this.meter = new MicrophoneMeter(microphone, new MicrophoneMeter.Listener() {
            @Override
            public void stateChanged(boolean live, MicrophoneSource.Problem problem) {
                fx.execute(() -> {
                    if (running) {
                        microphoneMessage.set(
                                live
                                        ? text.getString("microphone.LIVE")
                                        : text.getString("microphone." + problem.name()));
                    }
                });
            }

            @Override
            public void level(double level) {
                latestLevel = level;
                // One pending update at a time: the FX thread takes the newest level.
                if (!levelPending) {
                    levelPending = true;
                    fx.execute(() -> {
                        levelPending = false;
                        microphoneLevel.set(latestLevel);
                    });
                }
            }
        });
        selectedCamera.addListener((obs, old, now) -> {
            if (!updatingList && running && now != null && !now.id().equals(activeCameraId)) {
                activeCameraId = now.id();
                preview.start(now.id());
            }
        });
    }

    /** Starts the camera preview and the microphone meter. */
    public void start() {
        if (running) return;
        running = true;
        cameraState.set(CameraState.STARTING);
        cameraMessage.set(text.getString("camera.STARTING"));
        microphoneMessage.set(text.getString("microphone.STARTING"));
        preview.start(activeCameraId);
        meter.start();
    }

    /** Stops both and frees the devices (within one frame); returns at once. */
    public void stop() {
        if (!running) return;
        running = false;
        preview.stop();
        meter.stop();
        cameraState.set(CameraState.STOPPED);
        cameraMessage.set(text.getString("camera.STOPPED"));
        microphoneLevel.set(0);
    }

    /** Waits until the camera is free again; for shutdown and tests. */
    public boolean awaitCameraReleased(long millis) throws InterruptedException {
        return preview.awaitReleased(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Where frames go; called on the preview thread. */
    public void setFrameSink(Consumer<Frame> sink) {
        this.frameSink = sink == null ? f -> {} : sink;
    }

    public ObservableList<CameraInfo> cameras() {
        return cameras;
    }

    public ObjectProperty<CameraInfo> selectedCameraProperty() {
        return selectedCamera;
    }

    public ReadOnlyObjectProperty<CameraState> cameraStateProperty() {
        return cameraState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cameraMessageProperty() {
        return cameraMessage.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty microphoneLevelProperty() {
        return microphoneLevel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty microphoneMessageProperty() {
        return microphoneMessage.getReadOnlyProperty();
    }
}
