package dev.candor.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ai.models.CatalogueModel;
import dev.candor.ai.models.ModelCatalogue;
import dev.candor.ai.models.ModelDownloader;
import dev.candor.ai.models.ModelShelf;
import dev.candor.ai.models.ModelTestServer;
import dev.candor.ui.UiParts;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "AI models" section clicked through with TestFX on Monocle, against a model host on 127.0.0.1. */
@ExtendWith(ApplicationExtension.class)
class ModelsViewTest {
    private static final int SIZE = 2_000_000;

    private Path data;
    private ModelTestServer server;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService downloads = Executors.newCachedThreadPool();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile boolean agree = true;
    private volatile Path chosen;
    private ModelShelf shelf;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("candor-models-view");
        server = new ModelTestServer(SIZE);
        ModelCatalogue catalogue = new ModelCatalogue(List.of(
                whisper("whisper-good", server.sha256()),
                whisper("whisper-bad", ModelTestServer.sha256(new byte[] {9}))));
        shelf = new ModelShelf(data.resolve("models"), catalogue, dir -> Long.MAX_VALUE);
        ModelsParts parts = new ModelsParts(
                shelf,
                new ModelDownloader(HttpClient.newHttpClient(), shelf, downloads),
                new ModelsParts.BuiltInModel("Vosk small", List.of("en-US"), 41_000_000, "Apache-2.0"),
                background);
        ModelsViewModel model = new ModelsViewModel(parts, Platform::runLater, UiParts.texts());
        ModelsView.Prompts prompts = new ModelsView.Prompts() {
            @Override
            public boolean confirm(String title, String message, String ok) {
                asked.add(title + " | " + message + " | " + ok);
                return agree;
            }

            @Override
            public Optional<Path> chooseFile(String title) {
                asked.add(title);
                return Optional.ofNullable(chosen);
            }
        };
        stage.setScene(new Scene(new ScrollPane(new ModelsView(model, UiParts.texts(), prompts)), 900, 700));
        stage.show();
        model.refresh();
    }

    private CatalogueModel whisper(String id, String sha) {
        return new CatalogueModel(
                id,
                "Test " + id,
                "whisper",
                List.of("en"),
                SIZE,
                server.url("/model.bin"),
                sha,
                "MIT",
                "file",
                "m.bin");
    }

    @AfterEach
    void stop() {
        server.close();
        downloads.shutdownNow();
        background.shutdownNow();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot robot, String id) {
        Optional<Node> node = robot.lookup(id).tryQuery();
        for (Node n = node.orElse(null); n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return node.isPresent();
    }

    @Test
    void downloadAsksFirstThenShowsProgressAndCancelKeepsThePartForResume(FxRobot robot) throws Exception {
        waitFor(() -> shown(robot, "#model-whisper-good-download"));
        assertThat(text(robot, "#model-built-in-status")).isEqualTo("Built in");
        assertThat(shown(robot, "#model-built-in-download")).isFalse();
        server.holdAfter(1_000_000);

        robot.clickOn("#model-whisper-good-download");
        assertThat(asked).singleElement().asString().contains("Test whisper-good", "2.0 MB", "127.0.0.1");
        assertThat(server.awaitHeld()).isTrue();
        waitFor(() -> text(robot, "#model-whisper-good-progress-text")
                .matches("0\\.[5-9] MB of 2\\.0 MB|1\\.0 MB of 2\\.0 MB"));
        assertThat(shown(robot, "#model-whisper-good-progress")).isTrue();
        assertThat(shown(robot, "#model-whisper-good-download")).isFalse();

        robot.clickOn("#model-whisper-good-cancel");
        server.release();
        waitFor(() -> text(robot, "#model-whisper-good-status").startsWith("Partly downloaded"));
        assertThat(robot.lookup("#model-whisper-good-download").queryButton().getText())
                .isEqualTo("Resume");
        assertThat(shown(robot, "#model-whisper-good-progress")).isFalse();
        assertThat(shown(robot, "#model-whisper-good-error")).isFalse();

        robot.clickOn("#model-whisper-good-download");
        waitFor(() -> text(robot, "#model-whisper-good-status").equals("Installed"));
        assertThat(server.ranges()).hasSize(2).last().asString().startsWith("bytes=");
        assertThat(shown(robot, "#model-whisper-good-delete")).isTrue();
    }

    @Test
    void aChecksumFailureIsShownAsTextOnItsRow(FxRobot robot) throws Exception {
        waitFor(() -> shown(robot, "#model-whisper-bad-download"));
        robot.clickOn("#model-whisper-bad-download");
        waitFor(() -> shown(robot, "#model-whisper-bad-error"));
        assertThat(text(robot, "#model-whisper-bad-error")).contains("does not match its checksum");
        waitFor(() -> text(robot, "#model-whisper-bad-status").equals("Not installed"));
        assertThat(shown(robot, "#model-whisper-good-error")).isFalse();
    }

    @Test
    void decliningTheConfirmationFetchesNothing(FxRobot robot) throws Exception {
        waitFor(() -> shown(robot, "#model-whisper-good-download"));
        agree = false;
        robot.clickOn("#model-whisper-good-download");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).hasSize(1);
        assertThat(text(robot, "#model-whisper-good-status")).isEqualTo("Not installed");
        assertThat(server.ranges()).isEmpty();
    }

    @Test
    void importFromFileThenDeleteAfterConfirming(FxRobot robot) throws Exception {
        waitFor(() -> shown(robot, "#model-whisper-good-import"));
        chosen = Files.write(data.resolve("copy.bin"), server.payload());
        robot.clickOn("#model-whisper-good-import");
        waitFor(() -> text(robot, "#model-whisper-good-status").equals("Installed"));
        assertThat(server.ranges()).isEmpty();

        Button delete = robot.lookup("#model-whisper-good-delete").queryButton();
        robot.clickOn(delete);
        waitFor(() -> text(robot, "#model-whisper-good-status").equals("Not installed"));
        assertThat(asked).last().asString().startsWith("Delete Test whisper-good?");
        assertThat(shelf.dir().resolve("whisper-good")).doesNotExist();
    }
}
