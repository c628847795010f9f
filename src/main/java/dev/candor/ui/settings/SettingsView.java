package dev.candor.ui.settings;

import atlantafx.base.theme.Styles;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The settings screen: appearance, default display name, recent meetings, AI models, data folder. */
public final class SettingsView extends VBox {
    public SettingsView(SettingsViewModel model, ResourceBundle text, Runnable onBack) {
        this(model, text, onBack, null);
    }

    /** The screen with the "AI models" section ({@code models} null leaves it out). */
    public SettingsView(SettingsViewModel model, ResourceBundle text, Runnable onBack, ModelsView models) {
        super(12);
        setId("settings-view");
        setPadding(new Insets(24, 32, 24, 32));
        setMaxWidth(640);

        Label title = new Label(text.getString("settings.title"));
        title.getStyleClass().add(Styles.TITLE_2);

        ChoiceBox<ThemeMode> theme = new ChoiceBox<>();
        theme.setId("settings-theme");
        theme.getItems().setAll(ThemeMode.values());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThemeMode mode) {
                return mode == null ? "" : text.getString("settings.theme." + mode.name());
            }

            @Override
            public ThemeMode fromString(String s) {
                return null;
            }
        });
        theme.valueProperty().bindBidirectional(model.themeProperty());

        TextField name = new TextField();
        name.setId("settings-name");
        name.setPromptText(text.getString("settings.name.prompt"));
        name.textProperty().bindBidirectional(model.defaultDisplayNameProperty());
        name.setOnAction(e -> model.commitDisplayName());
        name.focusedProperty().addListener((obs, old, now) -> {
            if (!now) model.commitDisplayName();
        });

        Button clear = new Button(text.getString("settings.recent.clear"));
        clear.setId("settings-clear-recent");
        clear.setOnAction(e -> model.clearRecentMeetings());

        Label dataDir = new Label(model.dataDir().toString());
        dataDir.setId("settings-data-dir");
        dataDir.getStyleClass().add(Styles.TEXT_MUTED);

        Button back = new Button(text.getString("settings.back"));
        back.setId("settings-back");
        back.setCancelButton(true);
        back.setOnAction(e -> {
            model.commitDisplayName();
            onBack.run();
        });

        getChildren()
                .addAll(
                        title,
                        field(text.getString("settings.theme"), theme),
                        field(text.getString("settings.name"), name),
                        field(text.getString("settings.recent"), clear));
        if (models != null) {
            getChildren().add(field(text.getString("models.title"), models));
        }
        getChildren().addAll(field(text.getString("settings.dataDir"), dataDir), back);
    }

    private static Node field(String caption, Node control) {
        Label label = new Label(caption);
        label.getStyleClass().add("field-caption");
        return new VBox(4, label, control);
    }
}
