package dev.candor.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheDefaults() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"), CLOCK);

        assertThat(store.load()).isEqualTo(Settings.defaults());
        assertThat(store.problem()).isEmpty();
    }

    @Test
    void savedSettingsReadBackTheSame() {
        Path file = dir.resolve("settings.json");
        try (SettingsStore store = new SettingsStore(file, CLOCK)) {
            store.load();
            store.update(s -> s.withDisplayName("Ana")
                    .withTheme(ThemeMode.DARK)
                    .withServer("https://meet.example.org")
                    .withWindow(new WindowBounds(10, 20, 900, 700, false))
                    .withJoined(new RecentMeeting("local", "Kitchen", CLOCK.instant()))
                    .withJoined(new RecentMeeting("https://meet.jit.si", "Standup", CLOCK.instant())));
        }

        SettingsStore again = new SettingsStore(file, CLOCK);
        Settings read = again.load();

        assertThat(read.displayName()).isEqualTo("Ana");
        assertThat(read.theme()).isEqualTo(ThemeMode.DARK);
        assertThat(read.server()).isEqualTo("https://meet.example.org");
        assertThat(read.window()).isEqualTo(new WindowBounds(10, 20, 900, 700, false));
        assertThat(read.recentMeetings()).extracting(RecentMeeting::room).containsExactly("Standup", "Kitchen");
        assertThat(read.recentMeetings().get(0).lastJoined()).isEqualTo(CLOCK.instant());
        assertThat(again.problem()).isEmpty();
    }

    @Test
    void aCorruptFileIsKeptAsideAndNeverOverwritten() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"version\": 1, \"displayName\": \"Ana\"");
        SettingsStore store = new SettingsStore(file, CLOCK);

        Settings loaded = store.load();
        store.update(s -> s.withDisplayName("Ben"));
        store.close();

        assertThat(loaded).isEqualTo(Settings.defaults());
        Path kept = dir.resolve("settings.json.corrupt-20261125-101530");
        assertThat(kept).hasContent("{\"version\": 1, \"displayName\": \"Ana\"");
        assertThat(store.problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(SettingsStore.SettingsProblem.Kind.CORRUPT);
            assertThat(p.keptAs()).isEqualTo(kept);
        });
        assertThat(Files.readString(file)).contains("Ben");
    }

    @Test
    void aFileOfAnotherVersionIsKeptAsideUntouched() throws Exception {
        Path file = dir.resolve("settings.json");
        String future = "{\"version\": 7, \"displayName\": \"Ana\", \"newThing\": true}";
        Files.writeString(file, future);
        SettingsStore store = new SettingsStore(file, CLOCK);

        Settings loaded = store.load();

        assertThat(loaded).isEqualTo(Settings.defaults());
        assertThat(store.problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(SettingsStore.SettingsProblem.Kind.UNKNOWN_VERSION);
            assertThat(p.keptAs()).hasContent(future);
        });
        assertThat(file).doesNotExist();
    }

    @Test
    void twoBadFilesInOneSecondAreBothKept() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "not json");
        new SettingsStore(file, CLOCK).load();
        Files.writeString(file, "[1,2]");
        new SettingsStore(file, CLOCK).load();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "settings.json.corrupt-20261125-101530", "settings.json.corrupt-20261125-101530-1");
        }
    }

    @Test
    void recentMeetingsKeepTheNewestTenWithoutDuplicates() {
        Settings settings = Settings.defaults();
        for (int i = 0; i < 12; i++) {
            settings = settings.withJoined(new RecentMeeting("local", "Room" + i, Instant.EPOCH.plusSeconds(i)));
        }
        settings = settings.withJoined(new RecentMeeting("local", "Room5", Instant.EPOCH.plusSeconds(99)));

        assertThat(settings.recentMeetings()).hasSize(Settings.MAX_RECENT);
        assertThat(settings.recentMeetings().get(0).room()).isEqualTo("Room5");
        assertThat(settings.recentMeetings()).extracting(RecentMeeting::room).doesNotHaveDuplicates();
        assertThat(settings.withoutRecent(settings.recentMeetings().get(0)).recentMeetings())
                .extracting(RecentMeeting::room)
                .doesNotContain("Room5");
    }

    @Test
    void aFieldOfTheWrongKindMakesTheFileCorruptAndItIsKeptAside() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"version\":1,\"theme\":\"PURPLE\",\"recentMeetings\":[]}");
        SettingsStore store = new SettingsStore(file, CLOCK);

        assertThat(store.load()).isEqualTo(Settings.defaults());
        assertThat(store.problem())
                .hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(SettingsStore.SettingsProblem.Kind.CORRUPT));
    }

    @Test
    void unknownFieldsOfTheSameVersionAreIgnored() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"version\":1,\"displayName\":\"Ana\",\"later\":{\"a\":[1,2]}}");

        SettingsStore store = new SettingsStore(file, CLOCK);

        assertThat(store.load().displayName()).isEqualTo("Ana");
        assertThat(store.problem()).isEmpty();
    }

    @Test
    void implausibleWindowBoundsAreDropped() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"version\":1,\"window\":{\"x\":0,\"y\":0,\"width\":-5,\"height\":10}}");

        assertThat(new SettingsStore(file, CLOCK).load().window()).isNull();
    }
}
