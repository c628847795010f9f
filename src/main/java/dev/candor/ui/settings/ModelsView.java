package dev.candor.ui.settings;

import atlantafx.base.theme.Styles;
import dev.candor.ui.settings.ModelsViewModel.Row;
import dev.candor.ui.settings.ModelsViewModel.Status;
import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The "AI models" section of Settings: a row per model with its size, languages, licence and state,
 * Download (after a confirmation naming size and host), a progress bar with Cancel, Delete, Import
 * from file, and the last error as text. FX thread only.
 */
public final class ModelsView extends VBox {

    /** Questions the section asks the user; dialogs in the app, answers given directly in tests. */
    public interface Prompts {
        /** Whether the user agreed; {@code ok} names the action. */
        boolean confirm(String title, String message, String ok);

        /** A file the user picked, if any. */
        Optional<Path> chooseFile(String title);

        /** Alerts and a file chooser owned by the window of {@code anchor}. */
        static Prompts dialogs(Node anchor) {
            return new Prompts() {
                @Override
                public boolean confirm(String title, String message, String ok) {
                    ButtonType yes = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
                    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
                    alert.setTitle(title);
                    alert.setHeaderText(title);
                    Window owner =
                            anchor.getScene() == null ? null : anchor.getScene().getWindow();
                    if (owner != null) alert.initOwner(owner);
                    return alert.showAndWait().filter(yes::equals).isPresent();
                }

                @Override
                public Optional<Path> chooseFile(String title) {
                    FileChooser chooser = new FileChooser();
                    chooser.setTitle(title);
                    Window owner =
                            anchor.getScene() == null ? null : anchor.getScene().getWindow();
                    File file = chooser.showOpenDialog(owner);
                    return Optional.ofNullable(file).map(File::toPath);
                }
            };
        }
    }

    private final ModelsViewModel model;
    private final ResourceBundle text;
    private final Prompts prompts;

    /** The section with real dialogs. */
    public ModelsView(ModelsViewModel model, ResourceBundle text) {
        this(model, text, null);
    }

    /** The section asking through {@code prompts} (null: real dialogs). */
    public ModelsView(ModelsViewModel model, ResourceBundle text, Prompts prompts) {
        super(8);
        this.model = model;
        this.text = text;
        this.prompts = prompts != null ? prompts : Prompts.dialogs(this);
        setId("models-section");

        Label intro = new Label(text.getString("models.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().add(intro);
        for (Row row : model.rows()) {
            getChildren().add(rowNode(row));
        }
    }

    private Node rowNode(Row row) {
        String id = "model-" + row.id().replace('.', '_');

        Label title = new Label(row.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label details = new Label(row.details());
        details.getStyleClass().add(Styles.TEXT_MUTED);

        Label status = new Label();
        status.setId(id + "-status");
        status.setWrapText(true);
        status.textProperty().bind(row.statusTextProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId(id + "-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(row.progressProperty());
        Label progressText = new Label();
        progressText.setId(id + "-progress-text");
        progressText.textProperty().bind(row.progressTextProperty());
        HBox progress = new HBox(8, bar, progressText);
        progress.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bar, Priority.ALWAYS);
        progress.visibleProperty()
                .bind(Bindings.createBooleanBinding(() -> row.status().busy(), row.statusProperty()));
        progress.managedProperty().bind(progress.visibleProperty());

        Label error = new Label();
        error.setId(id + "-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(row.errorProperty());
        error.visibleProperty().bind(row.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button download = new Button();
        download.setId(id + "-download");
        download.getStyleClass().add(Styles.ACCENT);
        download.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> text.getString(row.status() == Status.PARTIAL ? "models.resume" : "models.download"),
                        row.statusProperty()));
        download.setOnAction(e -> askDownload(row));

        Button cancel = new Button(text.getString("models.cancel"));
        cancel.setId(id + "-cancel");
        cancel.setOnAction(e -> model.cancel(row));

        Button delete = new Button();
        delete.setId(id + "-delete");
        delete.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> text.getString(row.status() == Status.PARTIAL ? "models.discard" : "models.delete"),
                        row.statusProperty()));
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> askDelete(row));

        Button importFile = new Button(text.getString("models.import"));
        importFile.setId(id + "-import");
        importFile.setOnAction(e -> askImport(row));

        // A screen reader hears which model a button is for, not five "Download"s.
        for (Button b : new Button[] {download, cancel, delete, importFile}) {
            b.accessibleTextProperty().bind(b.textProperty().concat(" " + row.title()));
        }
        bar.accessibleTextProperty().bind(row.progressTextProperty());
        showWhen(download, row, Status.NOT_INSTALLED, Status.PARTIAL);
        showWhen(cancel, row, Status.DOWNLOADING, Status.STOPPING);
        cancel.disableProperty().bind(row.statusProperty().isEqualTo(Status.STOPPING));
        showWhen(delete, row, Status.INSTALLED, Status.PARTIAL);
        showWhen(importFile, row, Status.NOT_INSTALLED, Status.PARTIAL);

        VBox info = new VBox(2, title, details, status, progress, error);
        HBox.setHgrow(info, Priority.ALWAYS);
        info.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(6, download, cancel, importFile, delete);
        buttons.setAlignment(Pos.TOP_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(12, info, buttons);
        line.setId(id);
        line.getStyleClass().add("model-row");
        return line;
    }

    private static void showWhen(Button button, Row row, Status... states) {
        button.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            for (Status s : states) {
                                if (row.status() == s) return true;
                            }
                            return false;
                        },
                        row.statusProperty()));
        button.managedProperty().bind(button.visibleProperty());
    }

    private void askDownload(Row row) {
        String title = format("models.confirm.download.title", row.title());
        String message = format("models.confirm.download", row.title(), row.sizeText(), row.sourceHost());
        if (prompts.confirm(title, message, text.getString("models.download"))) {
            model.download(row);
        }
    }

    private void askDelete(Row row) {
        boolean partial = row.status() == Status.PARTIAL;
        String title = format(partial ? "models.confirm.discard.title" : "models.confirm.delete.title", row.title());
        String message = text.getString(partial ? "models.confirm.discard" : "models.confirm.delete");
        String ok = text.getString(partial ? "models.discard" : "models.delete");
        if (prompts.confirm(title, message, ok)) {
            model.delete(row);
        }
    }

    private void askImport(Row row) {
        prompts.chooseFile(format("models.import.chooser", row.title())).ifPresent(file -> model.importFile(row, file));
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), Locale.ROOT).format(args);
    }
}
