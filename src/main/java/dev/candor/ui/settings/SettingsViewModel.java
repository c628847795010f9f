package dev.candor.ui.settings;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings screen's state. Changes apply at once and are saved in the background; the
 * theme is handed to {@code onTheme} so the window restyles while the screen is open.
 */
public final class SettingsViewModel {
    private final SettingsStore store;
    private final Path dataDir;
    private final ObjectProperty<ThemeMode> theme = new SimpleObjectProperty<>(this, "theme");
    private final StringProperty defaultDisplayName = new SimpleStringProperty(this, "defaultDisplayName");
    private String storedName;

    public SettingsViewModel(SettingsStore store, Path dataDir, Consumer<ThemeMode> onTheme) {
        this.store = store;
        this.dataDir = dataDir;
        theme.set(store.current().theme());
        defaultDisplayName.set(store.current().displayName());
        theme.addListener((obs, old, now) -> {
            if (now != null && now != store.current().theme()) {
                store.update(s -> s.withTheme(now));
                onTheme.accept(now);
            }
        });
        storedName = store.current().displayName();
        store.onChange(s -> {
            if (!s.displayName().equals(storedName)) {
                storedName = s.displayName();
                defaultDisplayName.set(storedName);
            }
        });
    }

    /** Saves the display name as typed; called when the field is left or Enter is pressed. */
    public void commitDisplayName() {
        String name =
                defaultDisplayName.get() == null ? "" : defaultDisplayName.get().strip();
        if (!name.equals(store.current().displayName())) store.update(s -> s.withDisplayName(name));
    }

    /** Forgets every recent meeting. */
    public void clearRecentMeetings() {
        store.update(s -> s.withRecentMeetings(java.util.List.of()));
    }

    public ObjectProperty<ThemeMode> themeProperty() {
        return theme;
    }

    public StringProperty defaultDisplayNameProperty() {
        return defaultDisplayName;
    }

    public Path dataDir() {
        return dataDir;
    }
}
