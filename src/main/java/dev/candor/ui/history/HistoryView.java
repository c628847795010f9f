package dev.candor.ui.history;

import atlantafx.base.theme.Styles;
import dev.candor.ui.settings.RecentMeeting;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The meetings joined on this computer, newest first, with when they were last joined. The
 * per-call record of AI use joins this screen when the ledger is wired in.
 */
public final class HistoryView extends VBox {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    public HistoryView(
            ObservableList<RecentMeeting> meetings,
            Function<String, String> describeServer,
            ResourceBundle text,
            Consumer<RecentMeeting> onRejoin,
            Consumer<RecentMeeting> onRemove) {
        super(12);
        setId("history-view");
        setPadding(new Insets(24, 32, 24, 32));
        Label title = new Label(text.getString("history.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        ListView<RecentMeeting> list = new ListView<>(meetings);
        list.setId("history");
        list.setPlaceholder(new Label(text.getString("history.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RecentMeeting item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label room = new Label(item.room());
                room.getStyleClass().add(Styles.TEXT_BOLD);
                Label where = new Label(describeServer.apply(item.server()));
                where.getStyleClass().add(Styles.TEXT_MUTED);
                Label when = new Label(WHEN.format(item.lastJoined().atZone(ZoneId.systemDefault())));
                when.getStyleClass().add(Styles.TEXT_MUTED);
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Button rejoin = new Button(text.getString("history.rejoin"));
                rejoin.getStyleClass().add(Styles.ACCENT);
                rejoin.setOnAction(e -> onRejoin.accept(item));
                Button remove = new Button(text.getString("history.remove"));
                remove.getStyleClass().add(Styles.FLAT);
                remove.setOnAction(e -> onRemove.accept(item));
                HBox row = new HBox(12, new VBox(2, room, where), when, gap, rejoin, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }
}
