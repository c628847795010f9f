package dev.candor.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.candor.ui.settings.ThemeMode;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * Applies the AtlantaFX Primer theme, light or dark. In {@link ThemeMode#SYSTEM} it starts light
 * and asks the system on the background executor, switching on the FX thread if the answer is
 * dark, so start-up never waits for the question. Used on the FX thread.
 */
public final class Appearance {
    private final Supplier<Optional<Boolean>> systemPrefersDark;
    private final Executor background;
    private ThemeMode mode = ThemeMode.LIGHT;
    private Boolean applied;
    private Optional<Boolean> systemAnswer = Optional.empty();

    public Appearance(Supplier<Optional<Boolean>> systemPrefersDark, Executor background) {
        this.systemPrefersDark = systemPrefersDark;
        this.background = background;
    }

    /** Applies a mode now (as far as known); for {@code SYSTEM}, asks the system unless deferred. */
    public void apply(ThemeMode next, boolean askSystemNow) {
        mode = next;
        switch (next) {
            case LIGHT -> set(false);
            case DARK -> set(true);
            case SYSTEM -> {
                set(systemAnswer.orElse(false));
                if (askSystemNow) askSystem();
            }
        }
    }

    /** Asks the system in the background and follows it if the mode is still {@code SYSTEM}. */
    public void askSystem() {
        background.execute(() -> {
            Optional<Boolean> answer = systemPrefersDark.get();
            Platform.runLater(() -> {
                systemAnswer = answer;
                if (mode == ThemeMode.SYSTEM) set(answer.orElse(false));
            });
        });
    }

    /** Whether the dark theme is in use now. */
    public boolean isDark() {
        return Boolean.TRUE.equals(applied);
    }

    private void set(boolean dark) {
        if (applied != null && applied == dark) return;
        applied = dark;
        // The binary stylesheet parses much faster than the CSS, which matters at start.
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS());
    }
}
