package dev.candor.ui;

import dev.candor.media.CameraSource;
import dev.candor.media.MicrophoneSource;
import dev.candor.ui.call.CallScreenFactory;
import dev.candor.ui.join.JoinPrefill;
import dev.candor.ui.settings.ModelsParts;
import dev.candor.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Everything the main window needs, built by the composition root (or a test): settings,
 * devices, the call screen seam, and how to ask the system for its appearance.
 *
 * @param background runs slow work off the FX thread (system appearance)
 * @param onReady called once on the FX thread when the join screen is shown and can be used
 * @param models builds what the "AI models" settings section needs; asked only when Settings is
 *     first opened, so start-up does no model work (null leaves the section out)
 */
public record UiParts(
        Path dataDir,
        SettingsStore settings,
        JoinPrefill prefill,
        CameraSource camera,
        MicrophoneSource microphone,
        CallScreenFactory callScreens,
        Supplier<Optional<Boolean>> systemPrefersDark,
        Executor background,
        Clock clock,
        ResourceBundle text,
        Runnable onReady,
        Supplier<ModelsParts> models) {

    /** The parts without the "AI models" section. */
    public UiParts(
            Path dataDir,
            SettingsStore settings,
            JoinPrefill prefill,
            CameraSource camera,
            MicrophoneSource microphone,
            CallScreenFactory callScreens,
            Supplier<Optional<Boolean>> systemPrefersDark,
            Executor background,
            Clock clock,
            ResourceBundle text,
            Runnable onReady) {
        this(
                dataDir,
                settings,
                prefill,
                camera,
                microphone,
                callScreens,
                systemPrefersDark,
                background,
                clock,
                text,
                onReady,
                null);
    }

    /** The interface texts in the default locale. */
    public static ResourceBundle texts() {
        return ResourceBundle.getBundle("dev.candor.ui.messages");
    }
}
