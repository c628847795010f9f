package dev.candor.ui.call;

import dev.candor.media.DesktopPicker;
import dev.candor.media.DesktopSource;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Candor's screen picker as a modal dialog over the app's window. Closing the dialog is Cancel;
 * cancelling the returned stage (the call ended) closes the dialog.
 *
 * <p>Threads: {@link #choose} may be called from any thread; the dialog opens on the FX thread.
 */
public final class FxDesktopPicker implements DesktopPicker {
    private final ResourceBundle text;
    private final Consumer<ScreenPickerViewModel> opened;

    /** @param opened told of every picker that opens (the app passes a no-op; tests pick through it) */
    public FxDesktopPicker(ResourceBundle text, Consumer<ScreenPickerViewModel> opened) {
        this.text = text;
        this.opened = opened;
    }

    @Override
    public CompletionStage<Optional<DesktopSource>> choose(List<DesktopSource> sources) {
        CompletableFuture<Optional<DesktopSource>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (answer.isDone()) {
                return; // cancelled before it could open: the call has already ended
            }
            ScreenPickerViewModel model = new ScreenPickerViewModel(sources, text);
            Stage stage = new Stage();
            stage.setTitle(text.getString("screen.title"));
            Window owner = Window.getWindows().stream()
                    .filter(Window::isFocused)
                    .findFirst()
                    .orElse(null);
            if (owner != null) {
                stage.initOwner(owner);
                stage.initModality(Modality.WINDOW_MODAL);
            }
            stage.setScene(new Scene(new ScreenPickerView(model, text)));
            stage.setOnHidden(e -> model.cancel());
            model.answer().whenComplete((choice, error) -> {
                stage.close();
                answer.complete(choice == null ? Optional.empty() : choice);
            });
            // The caller cancels the answer when the call ends: the dialog goes with it.
            answer.whenComplete((choice, error) -> Platform.runLater(stage::close));
            stage.show();
            opened.accept(model);
        });
        return answer;
    }
}
