package dev.candor.ui.join;

import dev.candor.media.CameraState;
import dev.candor.media.Frame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * The live camera picture, mirrored like a mirror. Frames arrive on the preview thread, are
 * copied into a back buffer there, and at most one {@code Platform.runLater} is pending at a
 * time: the FX thread copies the newest frame into a {@link PixelBuffer} (ARGB, no conversion).
 */
final class PreviewPane extends StackPane {
    private final ImageView view = new ImageView();
    private final Label state = new Label();
    private final AtomicBoolean paintPending = new AtomicBoolean();
    private final Object backLock = new Object();
    private int[] back = new int[0];
    private int backWidth;
    private int backHeight;
    private PixelBuffer<IntBuffer> pixels;

    PreviewPane(DeviceCheckViewModel model) {
        getStyleClass().add("camera-preview");
        setId("preview");
        view.setId("preview-image");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setScaleX(-1);
        view.fitWidthProperty().bind(widthProperty());
        view.fitHeightProperty().bind(heightProperty());
        state.setId("camera-state");
        state.getStyleClass().add("camera-state");
        state.setWrapText(true);
        state.setAlignment(Pos.CENTER);
        state.textProperty().bind(model.cameraMessageProperty());
        state.visibleProperty().bind(model.cameraMessageProperty().isNotEmpty());
        view.visibleProperty().bind(model.cameraStateProperty().isEqualTo(CameraState.LIVE));
        setMinSize(160, 90);
        setPrefSize(480, 270);
        getChildren().addAll(view, state);
        model.setFrameSink(this::offer);
    }

    /** Called on the preview thread. */
    private void offer(Frame frame) {
        synchronized (backLock) {
            int size = frame.width() * frame.height();
            if (back.length != size) back = new int[size];
            System.arraycopy(frame.argb(), 0, back, 0, size);
            backWidth = frame.width();
            backHeight = frame.height();
        }
        if (paintPending.compareAndSet(false, true)) {
            Platform.runLater(this::paint);
        }
    }

    private void paint() {
        paintPending.set(false);
        synchronized (backLock) {
            if (backWidth == 0) return;
            if (pixels == null || pixels.getWidth() != backWidth || pixels.getHeight() != backHeight) {
                IntBuffer buffer = ByteBuffer.allocateDirect(backWidth * backHeight * 4)
                        .order(ByteOrder.nativeOrder())
                        .asIntBuffer();
                // Camera pictures are opaque, so ARGB equals premultiplied ARGB.
                pixels = new PixelBuffer<>(backWidth, backHeight, buffer, PixelFormat.getIntArgbPreInstance());
                view.setImage(new WritableImage(pixels));
            }
            int[] source = back;
            pixels.updateBuffer(pb -> {
                pb.getBuffer().put(0, source, 0, backWidth * backHeight);
                return null;
            });
        }
    }
}
