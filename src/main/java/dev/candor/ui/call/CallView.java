package dev.candor.ui.call;

import atlantafx.base.theme.Styles;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The screen during a call: a bar with the meeting's name, its link and Leave, above the
 * content the {@link CallScreenFactory} supplies. Later work adds the AI switches to the bar.
 */
public final class CallView extends BorderPane {
    private final CallScreenFactory.CallScreen screen;
    private boolean left;

    public CallView(
            MeetingLink meeting, String displayName, CallScreenFactory screens, ResourceBundle text, Runnable onLeave) {
        setId("call-view");
        this.screen = screens.open(meeting, displayName, () -> leave(onLeave));

        Label room = new Label(meeting.room());
        room.setId("call-room");
        room.getStyleClass().add(Styles.TITLE_3);
        Label server = new Label(
                meeting.server() instanceof MeetingServer.JitsiServer j
                        ? j.host()
                        : text.getString("call.server.local"));
        server.getStyleClass().add(Styles.TEXT_MUTED);
        Button copy = new Button(text.getString("call.copyLink"));
        copy.setId("copy-link");
        copy.getStyleClass().add(Styles.FLAT);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(screen.shareLink().orElse(meeting.url()));
            Clipboard.getSystemClipboard().setContent(content);
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button leave = new Button(text.getString("call.leave"));
        leave.setId("leave");
        leave.getStyleClass().add(Styles.DANGER);
        leave.setOnAction(e -> leave(onLeave));
        HBox bar = new HBox(12, room, server, copy, gap, leave);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("call-bar");
        setTop(bar);
        setCenter(screen.content());
    }

    private void leave(Runnable onLeave) {
        if (!left) {
            left = true;
            screen.close();
            onLeave.run();
        }
    }

    /** Leaves without the button, e.g. when the window closes. */
    public void close() {
        screen.close();
    }
}
