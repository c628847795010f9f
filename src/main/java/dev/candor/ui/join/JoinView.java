package dev.candor.ui.join;

import atlantafx.base.theme.Styles;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.media.CameraInfo;
import dev.candor.ui.settings.RecentMeeting;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The join screen: where to meet, as whom, and a look at camera and microphone first. */
public final class JoinView extends HBox {
    private final JoinViewModel model;
    private final DeviceCheckViewModel devices;
    private final ResourceBundle text;
    private final TextField room = new TextField();
    private final VBox check = new VBox(8);

    public JoinView(
            JoinViewModel model, DeviceCheckViewModel devices, ResourceBundle text, Consumer<MeetingLink> onJoin) {
        this.model = model;
        this.devices = devices;
        this.text = text;
        setId("join-view");
        getStyleClass().add("join-view");
        setSpacing(32);
        setPadding(new Insets(24, 32, 24, 32));

        Label title = new Label(text.getString("join.title"));
        title.getStyleClass().add(Styles.TITLE_2);

        VBox banner = new VBox();
        model.settingsProblem().ifPresent(problem -> {
            Label label = new Label(problem);
            label.setId("settings-problem");
            label.setWrapText(true);
            label.getStyleClass().add("banner-warning");
            banner.getChildren().add(label);
        });

        TextField link = new TextField();
        link.setId("link");
        link.setPromptText(text.getString("join.link.prompt"));
        link.textProperty().bindBidirectional(model.linkProperty());

        ToggleGroup serverKind = new ToggleGroup();
        RadioButton jitsi = new RadioButton(text.getString("join.server.jitsi"));
        jitsi.setId("server-jitsi");
        jitsi.setToggleGroup(serverKind);
        RadioButton local = new RadioButton(text.getString("join.server.local"));
        local.setId("server-local");
        local.setToggleGroup(serverKind);
        local.setSelected(model.localRoomProperty().get());
        jitsi.setSelected(!model.localRoomProperty().get());
        local.selectedProperty()
                .addListener((obs, old, now) -> model.localRoomProperty().set(now));
        model.localRoomProperty().addListener((obs, old, now) -> (now ? local : jitsi).setSelected(true));
        TextField server = new TextField();
        server.setId("server");
        server.setPromptText(MeetingServer.MEET_JIT_SI.text());
        server.textProperty().bindBidirectional(model.serverAddressProperty());
        server.disableProperty().bind(model.localRoomProperty());

        room.setId("room");
        room.setPromptText(text.getString("join.room.prompt"));
        room.textProperty().bindBidirectional(model.roomProperty());

        TextField name = new TextField();
        name.setId("display-name");
        name.setPromptText(text.getString("join.name.prompt"));
        name.textProperty().bindBidirectional(model.displayNameProperty());

        Label message = new Label();
        message.setId("message");
        message.setWrapText(true);
        message.getStyleClass().add("inline-message");
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());

        Button join = new Button(text.getString("join.join"));
        join.setId("join");
        join.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        join.setDefaultButton(true);
        join.setMaxWidth(Double.MAX_VALUE);
        join.disableProperty().bind(model.canJoinProperty().not());
        join.setOnAction(e -> model.join().ifPresent(onJoin));

        VBox form = new VBox(
                8,
                title,
                banner,
                field(text.getString("join.link"), link),
                caption(text.getString("join.server")),
                new HBox(16, jitsi, local),
                server,
                field(text.getString("join.room"), room),
                field(text.getString("join.name"), name),
                message,
                join,
                recent(text));
        form.setMinWidth(320);
        form.setPrefWidth(420);
        HBox.setHgrow(form, Priority.SOMETIMES);

        Label devicesTitle = new Label(text.getString("join.devices"));
        devicesTitle.getStyleClass().add(Styles.TITLE_4);
        check.getChildren().add(devicesTitle);
        check.setMinWidth(240);
        HBox.setHgrow(check, Priority.ALWAYS);
        getChildren().addAll(form, check);
    }

    /**
     * Builds the camera and microphone panel. Called once after the first frame: the fields
     * and Join are usable at once, and the preview's controls do not delay the first paint.
     */
    public void buildDeviceCheck() {
        if (check.getChildren().size() > 1) return;
        check.getChildren().addAll(devices(devices, text));
    }

    private Node recent(ResourceBundle text) {
        ListView<RecentMeeting> list = new ListView<>(model.recentMeetings());
        list.setId("recent");
        list.getStyleClass().add(Styles.STRIPED);
        list.setPlaceholder(new Label(text.getString("join.recent.empty")));
        list.setPrefHeight(180);
        list.setCellFactory(v -> new RecentCell(text));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(4, caption(text.getString("join.recent")), list);
        VBox.setVgrow(box, Priority.ALWAYS);
        VBox.setMargin(box, new Insets(12, 0, 0, 0));
        return box;
    }

    /** One recent meeting: click to fill the fields, the cross to forget it. */
    private final class RecentCell extends ListCell<RecentMeeting> {
        private final ResourceBundle text;

        RecentCell(ResourceBundle text) {
            this.text = text;
        }

        @Override
        protected void updateItem(RecentMeeting item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setOnMouseClicked(null);
                return;
            }
            Label room = new Label(item.room());
            room.getStyleClass().add(Styles.TEXT_BOLD);
            Label where = new Label(describe(item.server(), text));
            where.getStyleClass().add(Styles.TEXT_MUTED);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button remove = new Button("\u00d7"); // the multiplication sign is in every font; U+2715 is not
            remove.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "remove-recent");
            remove.setAccessibleText(text.getString("join.recent.remove"));
            remove.setOnAction(e -> {
                e.consume();
                model.remove(item);
            });
            HBox row = new HBox(8, room, where, gap, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("recent-meeting");
            // Span the cell so the remove button sits at the right edge.
            row.prefWidthProperty().bind(widthProperty().subtract(24));
            setText(null);
            setGraphic(row);
            setOnMouseClicked(e -> {
                if (e.getTarget() != remove) model.fill(item);
            });
        }
    }

    /** How a stored server reads in a list: its host name, or "this computer". */
    public static String describe(String server, ResourceBundle text) {
        if (MeetingServer.LocalRoom.TEXT.equals(server)) return text.getString("join.recent.local");
        try {
            MeetingServer parsed = MeetingServer.parse(server);
            return parsed instanceof MeetingServer.JitsiServer j ? j.host() : server;
        } catch (MeetingLink.InvalidLinkException e) {
            return server;
        }
    }

    private static java.util.List<Node> devices(DeviceCheckViewModel devices, ResourceBundle text) {
        PreviewPane preview = new PreviewPane(devices);
        VBox.setVgrow(preview, Priority.SOMETIMES);

        ComboBox<CameraInfo> picker = new ComboBox<>(devices.cameras());
        picker.setId("camera-picker");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.valueProperty().bindBidirectional(devices.selectedCameraProperty());
        picker.disableProperty()
                .bind(javafx.beans.binding.Bindings.size(devices.cameras()).lessThan(2));
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(CameraInfo camera) {
                return camera == null ? "" : camera.name();
            }

            @Override
            public CameraInfo fromString(String s) {
                return null;
            }
        });

        ProgressBar level = new ProgressBar(0);
        level.setId("mic-level");
        level.setMaxWidth(Double.MAX_VALUE);
        level.progressProperty().bind(devices.microphoneLevelProperty());
        Label micState = new Label();
        micState.setId("mic-state");
        micState.setWrapText(true);
        micState.getStyleClass().add(Styles.TEXT_MUTED);
        micState.textProperty().bind(devices.microphoneMessageProperty());

        return java.util.List.of(
                preview,
                field(text.getString("join.camera"), picker),
                field(text.getString("join.microphone"), level),
                micState);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        return label;
    }

    private static VBox field(String caption, Node control) {
        return new VBox(4, caption(caption), control);
    }

    /** Puts the cursor where the next thing to type goes. */
    public void focusFirstEmptyField() {
        room.requestFocus();
    }
}
