package dev.candor.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * The classes a start loads, from a class list ({@code -XX:DumpLoadedClassList} format): loaded
 * (never initialised) ahead of time. Used by {@code cds-training} to fill an AppCDS archive, and
 * at every start on a background thread while Chromium initialises on the main thread, so that
 * the JavaFX toolkit and the join screen find their classes loaded (the machine has a second core
 * idle during that time). Names that no longer load, from an older list, are skipped.
 */
final class StartupClasses {
    /** The list shipped in the jar, made from a real start (see README "Start-up"). */
    static final String RESOURCE = "/dev/candor/app/startup.classlist";

    /** How many classes were loaded and how many names were skipped. */
    record Count(int loaded, int skipped) {}

    private StartupClasses() {}

    /** Loads every class the list names (without initialising it) through {@code loader}. */
    static Count load(BufferedReader list, ClassLoader loader) throws IOException {
        int loaded = 0;
        int skipped = 0;
        String line;
        while ((line = list.readLine()) != null) {
            String name = className(line);
            if (name == null) {
                continue;
            }
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                skipped++;
            }
        }
        return new Count(loaded, skipped);
    }

    /**
     * Starts loading the shipped list on a daemon thread; returns at once. Does nothing when the
     * jar has no list. Never fails the start: a problem is logged at debug level.
     */
    static Thread preloadInBackground() {
        Thread thread = new Thread(
                () -> {
                    long t0 = System.nanoTime();
                    try (InputStream in = StartupClasses.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            return;
                        }
                        Count count = load(
                                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                                StartupClasses.class.getClassLoader());
                        LoggerFactory.getLogger(StartupClasses.class)
                                .debug(
                                        "Preloaded {} start-up classes ({} skipped) in {} ms",
                                        count.loaded(),
                                        count.skipped(),
                                        (System.nanoTime() - t0) / 1_000_000);
                    } catch (IOException | RuntimeException e) {
                        LoggerFactory.getLogger(StartupClasses.class).debug("Start-up class preload stopped", e);
                    }
                },
                "candor-preload");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * The binary name on one line of a class list ({@code java/lang/Object id: 0}), or null for
     * comments, lambda and other {@code @} entries, and hidden classes.
     */
    static String className(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("@")) {
            return null;
        }
        int space = trimmed.indexOf(' ');
        String name = (space < 0 ? trimmed : trimmed.substring(0, space)).replace('/', '.');
        return name.contains("$$Lambda") || name.contains("+") ? null : name;
    }
}
