package dev.candor.ui.call;

import atlantafx.base.theme.Styles;
import dev.candor.media.DesktopSource;
import java.io.ByteArrayInputStream;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The screen picker's content: a list of the screens and windows (with a thumbnail where one was
 * taken), Share and Cancel. Double-click or Enter shares the selected one; Esc cancels.
 */
public final class ScreenPickerView extends BorderPane {
    public ScreenPickerView(ScreenPickerViewModel model, ResourceBundle text) {
        setId("screen-picker");
        Label title = new Label(text.getString("screen.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(text.getString("screen.intro"));
        intro.setWrapText(true);

        ListView<DesktopSource> list = new ListView<>(model.sources());
        list.setId("screen-sources");
        list.setPrefSize(460, 320);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DesktopSource s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(model.label(s));
                setGraphic(s.thumbnail()
                        .map(png -> {
                            ImageView image = new ImageView(new Image(new ByteArrayInputStream(png)));
                            image.setFitWidth(160);
                            image.setPreserveRatio(true);
                            return image;
                        })
                        .orElse(null));
            }
        });
        list.getSelectionModel().select(model.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> model.select(s));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.share();
            }
        });

        Label note = new Label(model.note());
        note.setId("screen-note");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setManaged(!model.note().isEmpty());

        Button share = new Button(text.getString("screen.share"));
        share.setId("screen-share");
        share.setDefaultButton(true);
        share.getStyleClass().add(Styles.ACCENT);
        share.disableProperty().bind(model.canShareProperty().not());
        share.setOnAction(e -> model.share());
        Button cancel = new Button(text.getString("screen.cancel"));
        cancel.setId("screen-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        HBox buttons = new HBox(8, cancel, share);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        setTop(new VBox(4, title, intro));
        setCenter(list);
        setBottom(new VBox(8, note, buttons));
        BorderPane.setMargin(list, new Insets(8, 0, 8, 0));
        setPadding(new Insets(16));
    }
}
