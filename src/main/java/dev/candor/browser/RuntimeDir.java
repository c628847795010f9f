package dev.candor.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import me.friwi.jcefmaven.CefAppBuilder;
import me.friwi.jcefmaven.IProgressHandler;
import me.friwi.jcefmaven.UnsupportedPlatformException;
import me.friwi.jcefmaven.impl.step.check.CefInstallationChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the embedded browser's natives live. An installed Candor carries them unpacked inside its
 * own folder (made at package time with {@link #unpack}), so its first start unpacks nothing; a
 * run from the class path unpacks the natives jar once into the data dir. A bundled folder is
 * used only when it is complete (jcefmaven's {@code install.lock} and {@code build_meta.json}).
 */
public final class RuntimeDir {
    private static final Logger log = LoggerFactory.getLogger(RuntimeDir.class);

    /** Written by jcefmaven as the last step of an unpack. */
    static final String INSTALL_LOCK = "install.lock";

    static final String BUILD_META = "build_meta.json";

    private RuntimeDir() {}

    /** The folder to start Chromium from: the bundled one when complete, else {@code <data dir>/jcef}. */
    public static Path choose(BrowserSettings settings) {
        Path inDataDir = settings.dataDir().resolve("jcef");
        return settings.bundledRuntime()
                .filter(dir -> {
                    boolean complete = isComplete(dir);
                    if (!complete) {
                        log.warn("Bundled browser runtime {} is incomplete; using {}", dir, inDataDir);
                    }
                    return complete;
                })
                .orElse(inDataDir);
    }

    /**
     * True when {@code dir} holds a finished unpack of the natives this build expects (jcefmaven's
     * own check: lock file, and a build_meta.json with the class path's release tag and platform).
     * Anything less would make jcefmaven delete the folder and unpack again, which a bundled
     * runtime must never be subjected to.
     */
    public static boolean isComplete(Path dir) {
        if (!Files.isRegularFile(dir.resolve(INSTALL_LOCK)) || !Files.isRegularFile(dir.resolve(BUILD_META))) {
            return false;
        }
        try {
            return CefInstallationChecker.checkInstallation(dir.toFile());
        } catch (UnsupportedPlatformException | RuntimeException e) {
            log.debug("Browser runtime check failed for {}", dir, e);
            return false;
        }
    }

    /**
     * Unpacks the natives jar on the class path into {@code dir} (nothing to do when it is complete
     * already); never downloads. The installers call this at package time.
     */
    public static void unpack(Path dir, IProgressHandler progress) throws IOException {
        Files.createDirectories(dir);
        CefAppBuilder builder = new CefAppBuilder();
        builder.setInstallDir(dir.toFile());
        builder.setMirrors(List.of()); // natives come from the Maven artifact, never downloaded
        builder.setProgressHandler(progress);
        try {
            builder.install();
        } catch (UnsupportedPlatformException e) {
            throw new IOException("No embedded browser for this platform: " + e.getMessage(), e);
        }
    }
}
