package dev.candor.ui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.candor.call.MeetingLink;
import dev.candor.ui.call.CallView;
import dev.candor.ui.history.HistoryView;
import dev.candor.ui.join.DeviceCheckViewModel;
import dev.candor.ui.join.JoinPrefill;
import dev.candor.ui.join.JoinView;
import dev.candor.ui.join.JoinViewModel;
import dev.candor.ui.settings.ModelsView;
import dev.candor.ui.settings.ModelsViewModel;
import dev.candor.ui.settings.Settings;
import dev.candor.ui.settings.SettingsView;
import dev.candor.ui.settings.SettingsViewModel;
import dev.candor.ui.settings.ThemeMode;
import dev.candor.ui.settings.WindowBounds;
import java.io.InputStream;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor's one window: a navigation rail (Join, History, Settings) beside the current screen,
 * or the call screen alone during a call. Remembers its size and place. FX thread only.
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    /** Opens settings: Ctrl+, (Cmd+, on macOS). */
    public static final KeyCombination OPEN_SETTINGS =
            new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);

    private final Stage stage;
    private final UiParts parts;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final VBox rail;
    private final ToggleGroup navigation = new ToggleGroup();
    private final ToggleButton joinNav;
    private final ToggleButton historyNav;
    private final ToggleButton settingsNav;
    private final JoinViewModel joinModel;
    private final DeviceCheckViewModel devices;
    private final JoinView joinView;
    private final Appearance appearance;
    private Node historyView;
    private Node settingsView;
    private ModelsViewModel modelsModel;
    private CallView callView;
    private Alert linkOffer;
    private boolean ready;

    public MainWindow(Stage stage, UiParts parts) {
        this.stage = stage;
        this.parts = parts;
        this.text = parts.text();
        this.appearance = new Appearance(parts.systemPrefersDark(), parts.background());
        this.joinModel = new JoinViewModel(parts.settings(), text, parts.clock());
        joinModel.prefill(parts.prefill());
        this.devices = new DeviceCheckViewModel(parts.camera(), parts.microphone(), text, Platform::runLater);
        this.joinView = new JoinView(joinModel, devices, text, this::showCall);

        joinNav = nav("nav-join", text.getString("nav.join"), this::showJoin);
        historyNav = nav("nav-history", text.getString("nav.history"), this::showHistory);
        settingsNav = nav("nav-settings", text.getString("nav.settings"), this::showSettings);
        rail = new VBox(4, joinNav, historyNav, settingsNav);
        rail.setId("navigation");
        rail.getStyleClass().add("navigation-rail");
        rail.setPadding(new Insets(16, 8, 16, 8));
        root.setLeft(rail);
        root.getStyleClass().add("candor-root");
    }

    private ToggleButton nav(String id, String label, Runnable action) {
        ToggleButton button = new ToggleButton(label);
        button.setId(id);
        button.setToggleGroup(navigation);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().add(Styles.FLAT);
        button.setOnAction(e -> {
            // A toggle in a rail stays selected when clicked again.
            button.setSelected(true);
            action.run();
        });
        return button;
    }

    /** Builds the scene, restores the window's place and shows the join screen. */
    public void show() {
        Settings settings = parts.settings().current();
        appearance.apply(settings.theme(), false);
        WindowBounds bounds = settings.window();
        Scene scene = new Scene(root, bounds != null ? bounds.width() : 1100, bounds != null ? bounds.height() : 720);
        scene.getStylesheets().add(MainWindow.class.getResource("candor.css").toExternalForm());
        scene.getAccelerators().put(OPEN_SETTINGS, this::showSettings);
        stage.setScene(scene);
        stage.setTitle(text.getString("app.title"));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        loadIcons();
        if (bounds != null && onSomeScreen(bounds)) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setMaximized(bounds.maximized());
        }
        stage.setOnCloseRequest(e -> close());
        showJoin();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                // After the first laid-out pulse: tell whoever waits, then do the slow things.
                Platform.runLater(MainWindow.this::afterFirstFrame);
            }
        });
        stage.show();
        joinView.focusFirstEmptyField();
    }

    private void afterFirstFrame() {
        if (ready) return;
        ready = true;
        parts.onReady().run();
        if (parts.settings().current().theme() == ThemeMode.SYSTEM) appearance.askSystem();
        joinView.buildDeviceCheck();
        if (root.getCenter() == joinView) devices.start();
    }

    private void loadIcons() {
        for (int size : ICON_SIZES) {
            InputStream in = MainWindow.class.getResourceAsStream("icon-" + size + ".png");
            if (in == null) continue;
            try (in) {
                stage.getIcons().add(new Image(in));
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("Window icon {} could not be read", size, e);
            }
        }
    }

    private static boolean onSomeScreen(WindowBounds b) {
        return !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height()))
                .isEmpty();
    }

    /** Shows the join screen and starts the device check. */
    public void showJoin() {
        leaveCall();
        root.setLeft(rail);
        root.setCenter(joinView);
        joinNav.setSelected(true);
        if (ready) devices.start();
        joinView.focusFirstEmptyField();
    }

    /** Shows the list of meetings joined before. */
    public void showHistory() {
        if (callView != null) return;
        devices.stop();
        if (historyView == null) {
            historyView = new HistoryView(
                    joinModel.recentMeetings(),
                    server -> JoinView.describe(server, text),
                    text,
                    meeting -> {
                        joinModel.fill(meeting);
                        showJoin();
                    },
                    joinModel::remove);
        }
        root.setCenter(historyView);
        historyNav.setSelected(true);
    }

    /** Shows settings; Ctrl+, (Cmd+,) from anywhere but a call. */
    public void showSettings() {
        if (callView != null) return;
        devices.stop();
        if (settingsView == null) {
            SettingsViewModel model =
                    new SettingsViewModel(parts.settings(), parts.dataDir(), mode -> appearance.apply(mode, true));
            ModelsView models = null;
            if (parts.models() != null) {
                // Built on first opening, so start-up does no model work; it lives as long as the
                // window, and so do its downloads.
                modelsModel = new ModelsViewModel(parts.models().get(), Platform::runLater, text);
                models = new ModelsView(modelsModel, text);
            }
            ScrollPane scroll = new ScrollPane(new SettingsView(model, text, this::showJoin, models));
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
            settingsView = scroll;
        }
        if (modelsModel != null) modelsModel.refresh();
        root.setCenter(settingsView);
        settingsNav.setSelected(true);
    }

    /** Stops the device check (freeing the camera for the meeting) and shows the call screen. */
    public void showCall(MeetingLink meeting) {
        devices.stop();
        callView = new CallView(meeting, joinModel.displayNameProperty().get(), parts.callScreens(), text, () -> {
            callView = null;
            showJoin();
        });
        root.setLeft(null);
        root.setCenter(callView);
    }

    /**
     * A meeting link handed over by a later Candor process (a clicked link): the window comes to
     * the front and, on the join screen, the meeting is filled in for the user to join. During a
     * call nothing is dropped: the user is asked whether to leave this call for it; staying keeps
     * the new meeting filled in for when this call ends. An empty prefill only raises the window.
     */
    public void receive(JoinPrefill prefill) {
        toFront();
        if (prefill.server().isEmpty()
                && prefill.room().isEmpty()
                && prefill.displayName().isEmpty()) {
            return;
        }
        joinModel.prefill(prefill);
        if (callView == null) {
            if (root.getCenter() != joinView) showJoin();
            joinView.focusFirstEmptyField();
            return;
        }
        if (prefill.room().isPresent()) {
            offerDuringCall(prefill); // a name or server alone waits on the join screen, unasked
        }
    }

    private void toFront() {
        if (stage.isIconified()) stage.setIconified(false);
        if (!stage.isShowing()) stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private void offerDuringCall(JoinPrefill prefill) {
        if (linkOffer != null) linkOffer.close();
        String where = prefill.server().map(s -> JoinView.describe(s, text)).orElse("");
        ButtonType leave = new ButtonType(text.getString("handoff.leave"), ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(text.getString("handoff.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert offer = new Alert(Alert.AlertType.CONFIRMATION, "", leave, stay);
        offer.initOwner(stage);
        offer.setTitle(text.getString("app.title"));
        offer.setHeaderText(java.text.MessageFormat.format(
                text.getString("handoff.header"), prefill.room().orElse(""), where));
        offer.setContentText(text.getString("handoff.body"));
        offer.getDialogPane().setId("link-offer");
        offer.setOnHidden(e -> {
            if (linkOffer == offer) linkOffer = null;
            if (offer.getResult() == leave && callView != null) showJoin();
        });
        linkOffer = offer;
        offer.show();
    }

    /** The offer shown when a link arrives during a call, for tests. */
    Alert linkOffer() {
        return linkOffer;
    }

    private void leaveCall() {
        if (callView != null) {
            callView.close();
            callView = null;
        }
    }

    /** Frees the devices, leaves any call and remembers where the window is. */
    public void close() {
        devices.stop();
        leaveCall();
        if (stage.getScene() != null && stage.getWidth() > 0) {
            WindowBounds bounds = stage.isMaximized()
                    ? parts.settings().current().window() != null
                            ? withMaximized(parts.settings().current().window())
                            : null
                    : new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            if (bounds != null) parts.settings().update(s -> s.withWindow(bounds));
        }
    }

    private static WindowBounds withMaximized(WindowBounds b) {
        return new WindowBounds(b.x(), b.y(), b.width(), b.height(), true);
    }

    /** The device check, for tests and the integrator. */
    public DeviceCheckViewModel devices() {
        return devices;
    }

    /** The join screen's model, for tests and the integrator. */
    public JoinViewModel joinModel() {
        return joinModel;
    }
}
