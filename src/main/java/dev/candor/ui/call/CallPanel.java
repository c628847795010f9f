package dev.candor.ui.call;

import atlantafx.base.theme.Styles;
import dev.candor.call.ParticipantId;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Candor's own controls around a meeting: the meeting view in the middle, the people in the call
 * (with who is speaking) and the chat on the right, and mute, camera and connection state below.
 * Everything a participant sends is shown as text, never interpreted as markup.
 */
final class CallPanel extends BorderPane {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    CallPanel(CallViewModel model, Node meetingView, ResourceBundle text, Runnable retry, Runnable back) {
        setId("call-panel");
        StackPane middle = new StackPane(meetingView);
        middle.setMinSize(0, 0);
        Node connecting = connecting(text);
        middle.getChildren().add(connecting);
        connecting.visibleProperty().bind(model.phaseProperty().isEqualTo(CallViewModel.Phase.CONNECTING));
        model.phaseProperty().addListener((obs, old, phase) -> {
            middle.getChildren().removeIf(n -> "call-failed".equals(n.getId()));
            if (phase == CallViewModel.Phase.FAILED) {
                middle.getChildren().add(failed(text, model.problemProperty().get(), retry, back));
            }
        });
        setCenter(middle);
        setRight(sidebar(model, text));
        setBottom(controls(model, text));
    }

    private static Node sidebar(CallViewModel model, ResourceBundle text) {
        Label peopleTitle = new Label(text.getString("call.people"));
        peopleTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<CallViewModel.Participant> people = new ListView<>(model.participants());
        people.setId("participants");
        people.setPrefHeight(160);
        people.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CallViewModel.Participant p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    return;
                }
                String name = p.self() ? MessageFormat.format(text.getString("call.you"), p.name()) : p.name();
                // Words, not an emoji: not every desktop font has one, and screen readers read words.
                setText(p.speaking() ? MessageFormat.format(text.getString("call.speaking"), name) : name);
            }
        });

        Label chatTitle = new Label(text.getString("call.chat"));
        chatTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<CallViewModel.ChatLine> chat = new ListView<>(model.chat());
        chat.setId("chat-list");
        chat.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(CallViewModel.ChatLine line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                String who = line.mine() ? text.getString("call.me") : line.from();
                String privately = line.privateMessage() ? " " + text.getString("call.private") : "";
                setText(TIME.format(line.at()) + "  " + who + privately + ": " + line.text());
            }
        });
        model.chat().addListener((javafx.collections.ListChangeListener<CallViewModel.ChatLine>)
                c -> chat.scrollTo(model.chat().size() - 1));
        VBox.setVgrow(chat, Priority.ALWAYS);

        ComboBox<Optional<ParticipantId>> to = new ComboBox<>();
        to.setId("chat-to");
        to.setMaxWidth(Double.MAX_VALUE);
        to.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<ParticipantId> id) {
                if (id == null || id.isEmpty()) {
                    return text.getString("call.toEveryone");
                }
                return MessageFormat.format(
                        text.getString("call.toOne"),
                        model.nameOf(id.get()).orElse(id.get().value()));
            }

            @Override
            public Optional<ParticipantId> fromString(String s) {
                return Optional.empty();
            }
        });
        Runnable refreshRecipients = () -> {
            Optional<ParticipantId> chosen = to.getValue();
            to.getItems().setAll(Optional.empty());
            model.participants().stream().filter(p -> !p.self()).forEach(p -> to.getItems()
                    .add(Optional.of(p.id())));
            to.setValue(chosen != null && to.getItems().contains(chosen) ? chosen : Optional.empty());
        };
        refreshRecipients.run();
        model.participants().addListener((javafx.collections.ListChangeListener<CallViewModel.Participant>)
                c -> refreshRecipients.run());

        TextField input = new TextField();
        input.setId("chat-input");
        input.setPromptText(text.getString("call.chatPrompt"));
        Button send = new Button(text.getString("call.send"));
        send.setId("chat-send");
        send.setDefaultButton(false);
        send.disableProperty()
                .bind(input.textProperty()
                        .isEmpty()
                        .or(model.phaseProperty().isNotEqualTo(CallViewModel.Phase.IN_CALL)));
        Runnable doSend = () -> {
            Optional<ParticipantId> recipient = to.getValue() == null ? Optional.empty() : to.getValue();
            if (model.sendChat(input.getText(), recipient)) {
                input.clear();
            }
        };
        send.setOnAction(e -> doSend.run());
        input.setOnAction(e -> doSend.run());
        HBox.setHgrow(input, Priority.ALWAYS);
        HBox compose = new HBox(6, input, send);

        VBox side = new VBox(8, peopleTitle, people, chatTitle, chat, to, compose);
        side.setId("call-sidebar");
        side.setPadding(new Insets(8));
        side.setPrefWidth(300);
        side.setMinWidth(240);
        return side;
    }

    private static Node controls(CallViewModel model, ResourceBundle text) {
        Button audio = new Button();
        audio.setId("toggle-audio");
        audio.textProperty()
                .bind(Bindings.when(model.audioMutedProperty())
                        .then(text.getString("call.unmute"))
                        .otherwise(text.getString("call.mute")));
        audio.setOnAction(e -> model.toggleAudio());
        Button video = new Button();
        video.setId("toggle-video");
        video.textProperty()
                .bind(Bindings.when(model.videoMutedProperty())
                        .then(text.getString("call.startVideo"))
                        .otherwise(text.getString("call.stopVideo")));
        video.setOnAction(e -> model.toggleVideo());
        audio.disableProperty().bind(model.phaseProperty().isNotEqualTo(CallViewModel.Phase.IN_CALL));
        video.disableProperty().bind(audio.disableProperty());
        Button screen = new Button();
        screen.setId("toggle-screen");
        screen.textProperty()
                .bind(Bindings.when(model.sharingScreenProperty())
                        .then(text.getString("call.stopSharing"))
                        .otherwise(text.getString("call.shareScreen")));
        screen.setOnAction(e -> model.toggleScreenShare());
        screen.disableProperty().bind(audio.disableProperty());
        screen.visibleProperty().bind(model.canShareScreenProperty());
        screen.managedProperty().bind(screen.visibleProperty());

        Label status = new Label();
        status.setId("call-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> text.getString(
                                "call.phase." + model.phaseProperty().get().name()),
                        model.phaseProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, audio, video, screen, gap, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    /** Shown while a connection is being opened. */
    static Node connecting(ResourceBundle text) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label label = new Label(text.getString("call.connecting"));
        VBox box = new VBox(12, spinner, label);
        box.setId("call-connecting");
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true);
        return box;
    }

    /** Shown when a connection failed: what happened, and Try again / Back. */
    static Node failed(ResourceBundle text, String problem, Runnable retry, Runnable back) {
        Label title = new Label(text.getString("call.failed"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label detail = new Label(problem == null || problem.isBlank() ? text.getString("call.failedUnknown") : problem);
        detail.setId("call-problem");
        detail.setWrapText(true);
        Button again = new Button(text.getString("call.tryAgain"));
        again.setId("try-again");
        again.getStyleClass().add(Styles.ACCENT);
        again.setOnAction(e -> retry.run());
        Button backButton = new Button(text.getString("call.back"));
        backButton.setId("back");
        backButton.setOnAction(e -> back.run());
        HBox buttons = new HBox(8, again, backButton);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(12, title, detail, buttons);
        box.setId("call-failed");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(520);
        box.setPadding(new Insets(24));
        box.getStyleClass().add("call-failed");
        StackPane.setAlignment(box, Pos.CENTER);
        return box;
    }
}
