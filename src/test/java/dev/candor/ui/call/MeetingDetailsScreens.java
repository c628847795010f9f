package dev.candor.ui.call;

import atlantafx.base.theme.Styles;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A call screen for view tests that need no embedded browser: it only says which meeting was
 * joined, and as whom.
 */
public final class MeetingDetailsScreens implements CallScreenFactory {
    private final ResourceBundle text;

    public MeetingDetailsScreens(ResourceBundle text) {
        this.text = text;
    }

    @Override
    public CallScreen open(MeetingLink meeting, String displayName, Runnable leave) {
        String where = meeting.server() instanceof MeetingServer.JitsiServer j
                ? j.host()
                : text.getString("call.server.local");
        Label details =
                new Label(MessageFormat.format(text.getString("call.details"), meeting.room(), where, displayName));
        details.setWrapText(true);
        details.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(12, details);
        box.setId("call-details");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        return new CallScreen() {
            @Override
            public Node content() {
                return box;
            }

            @Override
            public void close() {}
        };
    }
}
