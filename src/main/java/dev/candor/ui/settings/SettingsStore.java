package dev.candor.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json}. A file that cannot be read, or that another version of
 * Candor wrote, is renamed to {@code settings.json.corrupt-<timestamp>} and reported, never
 * overwritten. Reads happen on the caller's thread at start; writes happen in order on the
 * thread "candor-settings", each to a temporary file moved over the old one, so a crash leaves
 * either the old or the new file.
 */
public final class SettingsStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    // Built on first use: Jackson's set-up is a visible part of start-up, so it happens on the loading thread.
    private volatile ObjectMapper mapper;
    private final AtomicReference<Settings> current = new AtomicReference<>(Settings.defaults());
    private final List<Consumer<Settings>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "candor-settings");
        t.setDaemon(true);
        return t;
    });
    private volatile Optional<SettingsProblem> problem = Optional.empty();
    private volatile boolean writable = true;

    public SettingsStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    private ObjectMapper mapper() {
        ObjectMapper m = mapper;
        if (m == null) {
            synchronized (this) {
                if (mapper == null) {
                    mapper = new ObjectMapper()
                            .registerModule(new JavaTimeModule())
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                            .enable(SerializationFeature.INDENT_OUTPUT);
                }
                m = mapper;
            }
        }
        return m;
    }

    /** A settings file that could not be used, and where it was kept. */
    public record SettingsProblem(Kind kind, Path keptAs, String detail) {
        /** Why the file was set aside. */
        public enum Kind {
            CORRUPT,
            UNKNOWN_VERSION,
            NOT_KEPT
        }
    }

    /** Reads the file (or takes the defaults if there is none) and returns what is now current. */
    public Settings load() {
        Settings loaded;
        try {
            String text = Files.readString(file);
            loaded = parse(text);
        } catch (NoSuchFileException e) {
            loaded = Settings.defaults();
        } catch (UnreadableSettings e) {
            loaded = Settings.defaults();
            setAside(e.kind, e.getMessage());
        } catch (IOException | RuntimeException e) {
            loaded = Settings.defaults();
            setAside(SettingsProblem.Kind.CORRUPT, e.toString());
        }
        current.set(loaded);
        return loaded;
    }

    private Settings parse(String text) throws UnreadableSettings {
        JsonNode tree;
        try {
            tree = mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnreadableSettings(SettingsProblem.Kind.CORRUPT, e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new UnreadableSettings(SettingsProblem.Kind.CORRUPT, "not a JSON object");
        }
        JsonNode version = tree.get("version");
        if (version == null || !version.isInt() || version.intValue() != Settings.CURRENT_VERSION) {
            throw new UnreadableSettings(
                    SettingsProblem.Kind.UNKNOWN_VERSION,
                    "version " + (version == null ? "missing" : version.toString()));
        }
        try {
            return mapper().treeToValue(tree, Settings.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableSettings(SettingsProblem.Kind.CORRUPT, e.getMessage());
        }
    }

    private void setAside(SettingsProblem.Kind kind, String detail) {
        Path kept = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        for (int i = 1; Files.exists(kept); i++) {
            kept = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()) + "-" + i);
        }
        try {
            Files.move(file, kept);
            LOG.warn(
                    "Settings file {} could not be used ({}: {}); kept as {}, starting with defaults",
                    file,
                    kind,
                    detail,
                    kept);
            problem = Optional.of(new SettingsProblem(kind, kept, detail));
        } catch (IOException e) {
            // Never overwrite what we could not read and could not move: stop saving instead.
            writable = false;
            LOG.error(
                    "Settings file {} could not be used ({}) nor set aside; settings will not be saved", file, kind, e);
            problem = Optional.of(new SettingsProblem(SettingsProblem.Kind.NOT_KEPT, file, detail));
        }
    }

    /** Why the file on disk was not used at start, if it was not. */
    public Optional<SettingsProblem> problem() {
        return problem;
    }

    /** The settings as they are now. */
    public Settings current() {
        return current.get();
    }

    /** Calls the listener (on the updating thread) after every change. */
    public void onChange(Consumer<Settings> listener) {
        listeners.add(listener);
    }

    /** Changes the settings at once in memory and saves them in the background. */
    public Settings update(UnaryOperator<Settings> change) {
        Settings next = current.updateAndGet(change);
        for (Consumer<Settings> listener : listeners) listener.accept(next);
        if (writable) {
            writer.execute(this::writeCurrent);
        }
        return next;
    }

    private void writeCurrent() {
        Settings snapshot = current.get();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, mapper().writeValueAsBytes(snapshot));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.error("Could not save settings to {}; changes stay in memory until the next save", file, e);
        }
    }

    /** Waits until every queued save has reached the disk. */
    public void flush() {
        try {
            writer.submit(() -> {}).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Settings were not flushed in time", e);
        }
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
    }

    /** Used inside this class to carry the reason a file was refused. */
    private static final class UnreadableSettings extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SettingsProblem.Kind kind;

        UnreadableSettings(SettingsProblem.Kind kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    /** For tests and the settings screen: the recent list as stored. */
    public List<RecentMeeting> recent() {
        return new ArrayList<>(current().recentMeetings());
    }
}
