package dev.candor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ai.models.CatalogueModel;
import dev.candor.ai.models.ModelCatalogue;
import dev.candor.ai.models.ModelDownloader;
import dev.candor.ai.models.ModelShelf;
import dev.candor.ai.models.ModelTestServer;
import dev.candor.media.SyntheticCameras;
import dev.candor.media.WebcamCaptureCameras;
import dev.candor.ui.call.MeetingDetailsScreens;
import dev.candor.ui.join.JoinPrefill;
import dev.candor.ui.settings.ModelsParts;
import dev.candor.ui.settings.SettingsStore;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "AI models" section inside the real window: built only when Settings opens, with the real
 * confirmation dialog, and a download that goes on while the user is on another screen.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsModelsTest {
    private static final int SIZE = 1_500_000;

    private Path dataDir;
    private SettingsStore settings;
    private MainWindow window;
    private ModelTestServer server;
    private ModelShelf shelf;
    private final AtomicInteger built = new AtomicInteger();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService downloads = Executors.newCachedThreadPool();

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("candor-settings-models");
        settings = new SettingsStore(dataDir.resolve("settings.json"), Clock.systemUTC());
        settings.load();
        server = new ModelTestServer(SIZE);
        UiParts parts = new UiParts(
                dataDir,
                settings,
                JoinPrefill.none(),
                new WebcamCaptureCameras(new SyntheticCameras()),
                SyntheticCameras.tone(0.5),
                new MeetingDetailsScreens(UiParts.texts()),
                () -> Optional.of(false),
                Runnable::run,
                Clock.systemUTC(),
                UiParts.texts(),
                () -> {},
                () -> {
                    built.incrementAndGet();
                    CatalogueModel m = new CatalogueModel(
                            "whisper-test",
                            "Whisper test",
                            "whisper",
                            List.of("en"),
                            SIZE,
                            server.url("/model.bin"),
                            server.sha256(),
                            "MIT",
                            "file",
                            "m.bin");
                    shelf = new ModelShelf(
                            dataDir.resolve("models"), new ModelCatalogue(List.of(m)), d -> Long.MAX_VALUE);
                    return new ModelsParts(
                            shelf,
                            new ModelDownloader(HttpClient.newHttpClient(), shelf, downloads),
                            new ModelsParts.BuiltInModel("Vosk small", List.of("en-US"), 41_000_000, "Apache-2.0"),
                            background);
                });
        window = new MainWindow(stage, parts);
        window.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> window.close());
        settings.close();
        server.close();
        downloads.shutdownNow();
        background.shutdownNow();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void nothingIsBuiltBeforeSettingsOpensAndADownloadGoesOnWhileAway(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(built).hasValue(0);
        assertThat(dataDir.resolve("models")).doesNotExist();

        robot.clickOn("#nav-settings");
        assertThat(built).hasValue(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#model-whisper-test-status")
                .equals("Not installed"));
        assertThat(server.ranges()).isEmpty();

        server.holdAfter(500_000);
        robot.clickOn("#model-whisper-test-download");
        // The real confirmation dialog names the size and the host; its Download button starts it.
        Node dialog = robot.lookup(".dialog-pane").query();
        assertThat(robot.from(dialog).lookup(".content").queryAs(Label.class).getText())
                .contains("1.5 MB", "127.0.0.1");
        Button confirm = robot.from(dialog).lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Download"))
                .findFirst()
                .orElseThrow();
        robot.clickOn(confirm);
        assertThat(server.awaitHeld()).isTrue();

        robot.clickOn("#nav-join");
        server.release();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> shelf.isInstalled(shelf.catalogue().models().get(0)));

        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#model-whisper-test-status")
                .equals("Installed"));
        assertThat(built).as("one section for the window's life").hasValue(1);
    }
}
