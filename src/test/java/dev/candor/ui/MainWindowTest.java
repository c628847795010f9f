package dev.candor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.media.CameraInfo;
import dev.candor.media.CameraState;
import dev.candor.media.SyntheticCameras;
import dev.candor.media.WebcamCaptureCameras;
import dev.candor.ui.call.MeetingDetailsScreens;
import dev.candor.ui.join.JoinPrefill;
import dev.candor.ui.settings.RecentMeeting;
import dev.candor.ui.settings.SettingsStore;
import dev.candor.ui.settings.ThemeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final int RED = 0xFF0000;
    private static final int BLUE = 0x0000FF;
    private static final int GREEN = 0x00FF00;
    private static final int YELLOW = 0xFFFF00;

    private Path dataDir;
    private SettingsStore settings;
    private SyntheticCameras cameras;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("candor-ui-test");
        settings = new SettingsStore(dataDir.resolve("settings.json"), Clock.systemUTC());
        settings.load();
        cameras = new SyntheticCameras().add("Front camera", RED, BLUE).add("USB camera", GREEN, YELLOW);
        UiParts parts = new UiParts(
                dataDir,
                settings,
                JoinPrefill.none(),
                new WebcamCaptureCameras(cameras),
                SyntheticCameras.tone(0.5),
                new MeetingDetailsScreens(UiParts.texts()),
                () -> Optional.of(false),
                Runnable::run,
                Clock.systemUTC(),
                UiParts.texts(),
                () -> {});
        window = new MainWindow(stage, parts);
        window.show();
    }

    @AfterEach
    void stopDevices(FxRobot robot) {
        robot.interact(() -> window.close());
        settings.close();
    }

    private static void until(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 5 s", e);
        }
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#message").queryAs(Label.class).getText();
    }

    private static Button join(FxRobot robot) {
        return robot.lookup("#join").queryButton();
    }

    private static void typeInto(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    @Test
    void joinIsDisabledUntilTheRoomIsValid(FxRobot robot) {
        assertThat(join(robot).isDisabled()).isTrue();
        assertThat(message(robot)).isEqualTo("Enter a room name.");

        typeInto(robot, "#room", "My Room");
        assertThat(join(robot).isDisabled()).isTrue();
        assertThat(message(robot)).contains("only letters, digits");

        typeInto(robot, "#room", "Standup");
        assertThat(join(robot).isDisabled()).isFalse();
        assertThat(message(robot)).isEmpty();
    }

    @Test
    void anUnreachableLookingServerBlocksJoin(FxRobot robot) {
        typeInto(robot, "#room", "Standup");
        typeInto(robot, "#server", "exa mple");

        assertThat(join(robot).isDisabled()).isTrue();
        assertThat(message(robot)).startsWith("The server name is not valid");

        typeInto(robot, "#server", "localhost:99999");
        assertThat(message(robot)).startsWith("The port must be");

        typeInto(robot, "#server", "meet.example.org");
        assertThat(join(robot).isDisabled()).isFalse();
    }

    @Test
    void aPastedLinkFillsServerAndRoom(FxRobot robot) {
        typeInto(robot, "#link", "jitsi-meet://meet.example.org/Weekly#config.startWithVideoMuted=true");

        assertThat(robot.lookup("#server").queryAs(TextField.class).getText()).isEqualTo("https://meet.example.org");
        assertThat(robot.lookup("#room").queryAs(TextField.class).getText()).isEqualTo("Weekly");
        assertThat(join(robot).isDisabled()).isFalse();

        typeInto(robot, "#link", "candor://local/Kitchen");
        assertThat(robot.lookup("#server-local").queryAs(RadioButton.class).isSelected())
                .isTrue();
        assertThat(robot.lookup("#server").queryAs(TextField.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#room").queryAs(TextField.class).getText()).isEqualTo("Kitchen");

        typeInto(robot, "#link", "javascript:alert(1)");
        assertThat(message(robot)).startsWith("Only https:// links");
        assertThat(join(robot).isDisabled()).isTrue();
    }

    @Test
    void enterJoinsAndLeaveReturnsToTheJoinScreen(FxRobot robot) {
        typeInto(robot, "#display-name", "Ana");
        typeInto(robot, "#room", "Standup");

        robot.type(KeyCode.ENTER);

        assertThat(robot.lookup("#call-room").queryAs(Label.class).getText()).isEqualTo("Standup");
        assertThat(robot.lookup("#join-view").tryQuery()).isEmpty();
        until(() -> !cameras.device(0).isOpen());
        assertThat(settings.current().displayName()).isEqualTo("Ana");
        assertThat(settings.current().recentMeetings())
                .extracting(RecentMeeting::room)
                .containsExactly("Standup");

        robot.clickOn("#leave");

        assertThat(robot.lookup("#join-view").tryQuery()).isPresent();
        assertThat(robot.lookup("#call-view").tryQuery()).isEmpty();
    }

    @Test
    void aLinkHandedOverByASecondProcessFillsTheJoinScreen(FxRobot robot) {
        robot.clickOn("#nav-history");

        robot.interact(() -> window.receive(
                new JoinPrefill(Optional.of("https://meet.example.org"), Optional.of("Planning"), Optional.of("Ana"))));

        assertThat(robot.lookup("#join-view").tryQuery()).isPresent();
        assertThat(robot.lookup("#server").queryAs(TextField.class).getText()).isEqualTo("https://meet.example.org");
        assertThat(robot.lookup("#room").queryAs(TextField.class).getText()).isEqualTo("Planning");
        assertThat(join(robot).isDisabled()).isFalse();
    }

    @Test
    void aLinkHandedOverDuringACallIsOfferedWithoutDroppingTheCall(FxRobot robot) {
        typeInto(robot, "#room", "Standup");
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#call-view").tryQuery()).isPresent();

        robot.interact(() -> window.receive(
                new JoinPrefill(Optional.of("https://meet.example.org"), Optional.of("Planning"), Optional.empty())));

        Alert offer = window.linkOffer();
        assertThat(offer.getHeaderText()).contains("Planning").contains("meet.example.org");
        assertThat(robot.lookup("#call-view").tryQuery())
                .as("still in the call")
                .isPresent();

        robot.interact(() -> {
            offer.setResult(offer.getButtonTypes().get(1)); // stay
            offer.close();
        });
        assertThat(robot.lookup("#call-view").tryQuery()).isPresent();

        robot.clickOn("#leave");
        assertThat(robot.lookup("#room").queryAs(TextField.class).getText())
                .as("the meeting waits on the join screen")
                .isEqualTo("Planning");

        robot.interact(() -> window.receive(JoinPrefill.none()));
        assertThat(robot.lookup("#join-view").tryQuery()).isPresent();
    }

    @Test
    void choosingToLeaveTheCallForAHandedOverLinkShowsItOnTheJoinScreen(FxRobot robot) {
        typeInto(robot, "#room", "Standup");
        robot.type(KeyCode.ENTER);

        robot.interact(() -> window.receive(
                new JoinPrefill(Optional.of("https://meet.example.org"), Optional.of("Planning"), Optional.empty())));
        Alert offer = window.linkOffer();
        robot.interact(() -> {
            offer.setResult(offer.getButtonTypes().get(0)); // leave
            offer.close();
        });

        assertThat(robot.lookup("#call-view").tryQuery()).isEmpty();
        assertThat(robot.lookup("#room").queryAs(TextField.class).getText()).isEqualTo("Planning");
    }

    @Test
    void recentMeetingsAreAddedRemovedAndFillTheFields(FxRobot robot) {
        for (String room : new String[] {"Alpha", "Beta"}) {
            typeInto(robot, "#room", room);
            robot.clickOn("#join");
            robot.clickOn("#leave");
        }
        ListView<?> recent = robot.lookup("#recent").queryAs(ListView.class);
        assertThat(recent.getItems())
                .extracting(m -> ((RecentMeeting) m).room())
                .containsExactly("Beta", "Alpha");

        robot.clickOn(robot.lookup(".recent-meeting")
                .match((Node n) ->
                        n.lookup(".label") instanceof Label l && l.getText().equals("Alpha"))
                .queryAs(Node.class));
        assertThat(robot.lookup("#room").queryAs(TextField.class).getText()).isEqualTo("Alpha");

        Node betaRow = robot.lookup(".recent-meeting")
                .match((Node n) ->
                        n.lookup(".label") instanceof Label l && l.getText().equals("Beta"))
                .query();
        robot.clickOn(betaRow.lookup(".remove-recent"));

        assertThat(recent.getItems())
                .extracting(m -> ((RecentMeeting) m).room())
                .containsExactly("Alpha");
        assertThat(settings.current().recentMeetings())
                .extracting(RecentMeeting::room)
                .containsExactly("Alpha");
    }

    @Test
    void thePreviewShowsTheCamerasPixels(FxRobot robot) {
        until(() -> window.devices().cameraStateProperty().get() == CameraState.LIVE);
        assertPreviewShows(robot, RED, BLUE);

        CameraInfo usb = window.devices().cameras().get(1);
        robot.interact(() -> window.devices().selectedCameraProperty().set(usb));

        until(() -> previewMatches(robot, GREEN, YELLOW));
        assertThat(cameras.device(0).isOpen()).isFalse();
        until(() -> window.devices().microphoneLevelProperty().get() > 0.5);
    }

    private void assertPreviewShows(FxRobot robot, int left, int right) {
        until(() -> previewMatches(robot, left, right));
    }

    private static boolean previewMatches(FxRobot robot, int left, int right) {
        boolean[] same = {false};
        robot.interact(() -> {
            Image image =
                    robot.lookup("#preview-image").queryAs(ImageView.class).getImage();
            if (image == null || image.getWidth() != SyntheticCameras.WIDTH) return;
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < SyntheticCameras.HEIGHT; y++) {
                for (int x = 0; x < SyntheticCameras.WIDTH; x++) {
                    if (pixels.getArgb(x, y) != SyntheticCameras.expectedPixel(left, right, x, y)) return;
                }
            }
            same[0] = true;
        });
        return same[0];
    }

    @Test
    void ctrlCommaOpensSettingsAndTheThemeIsSaved(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);

        assertThat(robot.lookup("#settings-view").tryQuery()).isPresent();
        until(() -> !cameras.device(0).isOpen());

        ChoiceBox<?> theme = robot.lookup("#settings-theme").queryAs(ChoiceBox.class);
        robot.interact(() -> theme.getSelectionModel().select(ThemeMode.DARK.ordinal()));
        assertThat(settings.current().theme()).isEqualTo(ThemeMode.DARK);

        robot.clickOn("#settings-back");
        assertThat(robot.lookup("#join-view").tryQuery()).isPresent();
    }

    @Test
    void closingTheWindowRemembersItsPlace(FxRobot robot) {
        robot.interact(() -> window.close());
        settings.flush();

        assertThat(settings.current().window()).isNotNull();
        assertThat(settings.current().window().width()).isGreaterThanOrEqualTo(720);
    }

    @Test
    void historyListsJoinedMeetingsAndJoinAgainFillsTheJoinScreen(FxRobot robot) {
        robot.interact(() -> settings.update(s -> s.withJoined(new RecentMeeting(
                "https://meet.example.org", "Retro", java.time.Instant.parse("2026-11-20T10:00:00Z")))));

        robot.clickOn("#nav-history");
        assertThat(robot.lookup("#history-view").tryQuery()).isPresent();
        until(() -> !cameras.device(0).isOpen());
        robot.clickOn(robot.lookup("#history")
                .lookup(".button")
                .match((Button b) -> b.getText().equals("Join again"))
                .queryButton());

        assertThat(robot.lookup("#join-view").tryQuery()).isPresent();
        assertThat(robot.lookup("#room").queryAs(TextField.class).getText()).isEqualTo("Retro");
        assertThat(robot.lookup("#server").queryAs(TextField.class).getText()).isEqualTo("https://meet.example.org");
    }
}
