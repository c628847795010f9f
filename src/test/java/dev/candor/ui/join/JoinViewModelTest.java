package dev.candor.ui.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ui.UiParts;
import dev.candor.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinViewModelTest {
    @TempDir
    Path dir;

    private SettingsStore store;

    @org.junit.jupiter.api.AfterEach
    void flush() {
        if (store != null) store.close();
    }

    private JoinViewModel model(SettingsStore store) {
        this.store = store;
        store.load();
        return new JoinViewModel(store, UiParts.texts(), Clock.systemUTC());
    }

    @Test
    void aSetAsideSettingsFileIsExplainedWithWhereItWasKept() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{oops");

        JoinViewModel model = model(new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC()));

        assertThat(model.settingsProblem()).hasValueSatisfying(text -> assertThat(text)
                .startsWith("Your settings file could not be read")
                .contains("settings.json.corrupt-"));
    }

    @Test
    void commandLinePrefillFillsTheFieldsAndEnablesJoin() {
        JoinViewModel model = model(new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC()));

        model.prefill(new JoinPrefill(Optional.of("local"), Optional.of("Kitchen"), Optional.of("Ana")));

        assertThat(model.localRoomProperty().get()).isTrue();
        assertThat(model.roomProperty().get()).isEqualTo("Kitchen");
        assertThat(model.displayNameProperty().get()).isEqualTo("Ana");
        assertThat(model.canJoinProperty().get()).isTrue();
        assertThat(model.join()).hasValueSatisfying(m -> assertThat(m.url()).isEqualTo("candor://local/Kitchen"));
    }

    @Test
    void joinIsRefusedWhileTheFieldsAreInvalid() {
        JoinViewModel model = model(new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC()));
        model.roomProperty().set("../etc");

        assertThat(model.canJoinProperty().get()).isFalse();
        assertThat(model.join()).isEmpty();
        assertThat(model.recentMeetings()).isEmpty();
    }

    @Test
    void aTypedNameSurvivesOtherSettingsChangesButFollowsANewDefault() {
        SettingsStore settings = new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC());
        JoinViewModel model = model(settings);
        model.displayNameProperty().set("Bob");

        settings.update(s -> s.withTheme(dev.candor.ui.settings.ThemeMode.DARK));
        assertThat(model.displayNameProperty().get()).isEqualTo("Bob");

        settings.update(s -> s.withDisplayName("Ana"));
        assertThat(model.displayNameProperty().get()).isEqualTo("Ana");
    }
}
