package dev.candor.browser;

import static dev.candor.browser.EmbeddedBrowserIT.fx;
import static dev.candor.browser.EmbeddedBrowserIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.InputMethodEvent;
import javafx.scene.input.InputMethodHighlight;
import javafx.scene.input.InputMethodTextRun;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An input method's composition (pre-edit) text reaches the page as a real composition. */
@ExtendWith(SharedBrowser.class)
class InputMethodIT {
    private static PageServer server;
    private static PageServer meeting;

    private final SharedBrowser.Runtime runtime;
    private final EmbeddedBrowserIT.Inbox inbox = new EmbeddedBrowserIT.Inbox();
    private ShownPage shown;
    private BrowserView view;

    InputMethodIT(SharedBrowser.Runtime runtime) {
        this.runtime = runtime;
    }

    @BeforeAll
    static void start() throws Exception {
        meeting = new PageServer();
        server = new PageServer().with("OTHER", meeting.origin());
    }

    @AfterAll
    static void stop() {
        server.close();
        meeting.close();
    }

    @AfterEach
    void closeView() throws Exception {
        if (shown != null) shown.close();
    }

    @Test
    void composedTextShowsAsACompositionAndCommitsIntoTheField() throws Exception {
        composeIn("ime.html");
    }

    @Test
    void compositionReachesAFieldInACrossOriginFrameLikeTheMeetingChat() throws Exception {
        composeIn("ime-host.html");
    }

    private void composeIn(String page) throws Exception {
        shown = ShownPage.show(
                runtime,
                inbox.register(PageSpec.builder(server.url(page)), "ime.state").build());
        view = shown.view();
        waitFor(() -> "ime ready".equals(view.getTitle()), "page shown");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean focused = false;
        while (!focused && System.nanoTime() < deadline) {
            fx(() -> {
                view.requestFocus();
                view.fireEvent(mouse(MouseEvent.MOUSE_PRESSED, true));
                view.fireEvent(mouse(MouseEvent.MOUSE_RELEASED, false));
                return null;
            });
            focused = inbox.poll("ime.state", 300);
        }
        assertThat(focused).as("the field took the click").isTrue();

        ime(List.of(run("に")), "", 1);
        ime(List.of(run("にほ")), "", 2);
        JsonNode composing = inbox.await(
                "ime.state",
                s -> s.path("last").asText().equals("compositionupdate")
                        && s.path("data").asText().equals("にほ"));
        assertThat(composing.path("events").toString()).contains("compositionstart");
        // compositionupdate comes before the field changes; the input event after it shows the text.
        inbox.await(
                "ime.state",
                s -> s.path("last").asText().equals("input")
                        && s.path("value").asText().equals("にほ"));

        ime(List.of(), "日本", 0);
        JsonNode committed = inbox.await(
                "ime.state",
                s -> s.path("value").asText().equals("日本")
                        && s.path("events").toString().contains("compositionend:日本"));
        assertThat(committed.path("value").asText()).isEqualTo("日本");

        // A composition that is cancelled (Escape in the IME) leaves nothing behind.
        ime(List.of(run("ご")), "", 1);
        inbox.await("ime.state", s -> s.path("value").asText().equals("日本ご"));
        ime(List.of(), "", 0);
        inbox.await(
                "ime.state",
                s -> s.path("last").asText().equals("compositionend")
                        && s.path("value").asText().equals("日本"));
    }

    private void ime(List<InputMethodTextRun> composed, String committed, int caret) throws Exception {
        fx(() -> {
            view.fireEvent(
                    new InputMethodEvent(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, composed, committed, caret));
            return null;
        });
    }

    private static InputMethodTextRun run(String text) {
        return new InputMethodTextRun(text, InputMethodHighlight.UNSELECTED_RAW);
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, boolean down) {
        return new MouseEvent(
                type,
                100,
                20,
                100,
                20,
                MouseButton.PRIMARY,
                1,
                false,
                false,
                false,
                false,
                down,
                false,
                false,
                false,
                false,
                false,
                null);
    }
}
