package dev.candor.browser;

import static dev.candor.browser.EmbeddedBrowserIT.fx;
import static dev.candor.browser.EmbeddedBrowserIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Links and popups from a cross-origin iframe (as the Jitsi iframe from the meeting server inside
 * Candor's host page on 127.0.0.1) reach the system browser, with the same checks as other links.
 */
@ExtendWith(SharedBrowser.class)
class FramePopupsIT {
    private static PageServer host;
    private static PageServer meeting;

    private final SharedBrowser.Runtime runtime;
    private final EmbeddedBrowserIT.Inbox inbox = new EmbeddedBrowserIT.Inbox();
    private ShownPage shown;
    private BrowserView view;

    FramePopupsIT(SharedBrowser.Runtime runtime) {
        this.runtime = runtime;
    }

    @BeforeAll
    static void servers() throws Exception {
        meeting = new PageServer();
        host = new PageServer().with("OTHER", meeting.origin());
        meeting.with("OTHER", meeting.origin());
    }

    @AfterAll
    static void stopServers() {
        host.close();
        meeting.close();
    }

    @AfterEach
    void closeView() throws Exception {
        if (shown != null) shown.close();
    }

    @Test
    void aBlankTargetLinkAndWindowOpenInACrossOriginFrameOpenInTheSystemBrowser() throws Exception {
        shown = ShownPage.show(
                runtime,
                inbox.register(PageSpec.builder(host.url("popup-host.html")), "frame.ready", "frame.pointer")
                        .build());
        view = shown.view();
        JsonNode ready = inbox.await("frame.ready", s -> true);
        assertThat(ready.path("injected").asBoolean())
                .as("frame-links.js ran in the frame")
                .isTrue();
        int before = runtime.opened.size();

        untilTheFrameTakesInput(); // clicks on the window.open button
        URI frameOpen = URI.create(meeting.url("color.html?frame-open"));
        waitFor(() -> runtime.opened.contains(frameOpen), "window.open from the frame to reach the opener");

        click(150, 30); // <a target=_blank>
        URI frameLink = URI.create(meeting.url("color.html?frame-link"));
        waitFor(() -> runtime.opened.contains(frameLink), "the target=_blank link to reach the opener");

        click(150, 230); // javascript: and file: popups
        click(150, 330); // a link whose click the page handles itself
        Thread.sleep(1000); // nothing may arrive: give a wrongly opened link the time to show up

        List<URI> opened = runtime.opened.subList(before, runtime.opened.size());
        assertThat(opened).containsExactly(frameOpen, frameLink);
        assertThat(view.page().address()).isEqualTo(host.url("popup-host.html"));
    }

    private void untilTheFrameTakesInput() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            click(150, 130);
            if (inbox.poll("frame.pointer", 300)) {
                return;
            }
        }
        throw new AssertionError("The frame never took input");
    }

    private void click(double x, double y) throws Exception {
        fx(() -> {
            view.requestFocus();
            view.fireEvent(mouse(MouseEvent.MOUSE_MOVED, x, y, false));
            view.fireEvent(mouse(MouseEvent.MOUSE_PRESSED, x, y, true));
            view.fireEvent(mouse(MouseEvent.MOUSE_RELEASED, x, y, false));
            return null;
        });
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y, boolean down) {
        MouseButton button = type == MouseEvent.MOUSE_MOVED ? MouseButton.NONE : MouseButton.PRIMARY;
        return new MouseEvent(
                type, x, y, x, y, button, 1, false, false, false, false, down, false, false, false, false, false, null);
    }
}
