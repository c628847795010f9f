package dev.candor.ui.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
 * either the old or the new file. It uses Jackson's streaming parser and generator rather than
 * data binding: binding loaded some 500 classes and was the largest part of a warm start.
 */
public final class SettingsStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private static final JsonFactory JSON = new JsonFactory();
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

    private static Settings parse(String text) throws UnreadableSettings {
        try {
            // First only the version: a file another version wrote is set aside, not misread.
            try (JsonParser p = JSON.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw corrupt("not a JSON object");
                Integer version = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken token = p.nextToken();
                    if (name.equals("version") && token == JsonToken.VALUE_NUMBER_INT) version = p.getIntValue();
                    else p.skipChildren();
                }
                if (p.nextToken() != null) throw corrupt("text after the settings object");
                if (version == null || version != Settings.CURRENT_VERSION) {
                    throw new UnreadableSettings(
                            SettingsProblem.Kind.UNKNOWN_VERSION, "version " + (version == null ? "missing" : version));
                }
            }
            try (JsonParser p = JSON.createParser(text)) {
                p.nextToken();
                String displayName = null;
                String server = null;
                ThemeMode theme = null;
                List<RecentMeeting> recent = List.of();
                WindowBounds window = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken token = p.nextToken();
                    switch (name) {
                        case "displayName" -> displayName = string(p, token);
                        case "server" -> server = string(p, token);
                        case "theme" -> theme = theme(string(p, token));
                        case "recentMeetings" -> recent = recent(p, token);
                        case "window" -> window = window(p, token);
                        default -> p.skipChildren();
                    }
                }
                return new Settings(Settings.CURRENT_VERSION, displayName, server, theme, recent, window);
            }
        } catch (JsonProcessingException e) {
            throw corrupt(e.getOriginalMessage());
        } catch (IOException e) {
            throw corrupt(e.toString());
        }
    }

    private static UnreadableSettings corrupt(String why) {
        return new UnreadableSettings(SettingsProblem.Kind.CORRUPT, why);
    }

    private static String string(JsonParser p, JsonToken token) throws IOException, UnreadableSettings {
        if (token == JsonToken.VALUE_NULL) return null;
        if (token != JsonToken.VALUE_STRING) throw corrupt(p.currentName() + " is not text");
        return p.getText();
    }

    private static ThemeMode theme(String text) throws UnreadableSettings {
        if (text == null) return null;
        try {
            return ThemeMode.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw corrupt("unknown theme " + text);
        }
    }

    private static List<RecentMeeting> recent(JsonParser p, JsonToken token) throws IOException, UnreadableSettings {
        if (token == JsonToken.VALUE_NULL) return List.of();
        if (token != JsonToken.START_ARRAY) throw corrupt("recentMeetings is not a list");
        List<RecentMeeting> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String server = null;
            String room = null;
            Instant when = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "server" -> server = string(p, value);
                    case "room" -> room = string(p, value);
                    case "lastJoined" -> when = instant(string(p, value));
                    default -> p.skipChildren();
                }
            }
            if (server == null || room == null) throw corrupt("a recent meeting lacks server or room");
            out.add(new RecentMeeting(server, room, when));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) throw corrupt("recentMeetings holds something else");
        return out;
    }

    private static Instant instant(String text) throws UnreadableSettings {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw corrupt("bad time " + text);
        }
    }

    private static WindowBounds window(JsonParser p, JsonToken token) throws IOException, UnreadableSettings {
        if (token == JsonToken.VALUE_NULL) return null;
        if (token != JsonToken.START_OBJECT) throw corrupt("window is not an object");
        double x = 0, y = 0, width = 0, height = 0;
        boolean maximized = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("maximized")) {
                if (!value.isBoolean()) throw corrupt("maximized is not true/false");
                maximized = p.getBooleanValue();
                continue;
            }
            if (!value.isNumeric()) {
                p.skipChildren();
                if (name.equals("x") || name.equals("y") || name.equals("width") || name.equals("height")) {
                    throw corrupt("window." + name + " is not a number");
                }
                continue;
            }
            double number = p.getDoubleValue();
            switch (name) {
                case "x" -> x = number;
                case "y" -> y = number;
                case "width" -> width = number;
                case "height" -> height = number;
                default -> {}
            }
        }
        return new WindowBounds(x, y, width, height, maximized);
    }

    /** The file's text for these settings. */
    static byte[] write(Settings settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeNumberField("version", settings.version());
            g.writeStringField("displayName", settings.displayName());
            g.writeStringField("server", settings.server());
            g.writeStringField("theme", settings.theme().name());
            g.writeArrayFieldStart("recentMeetings");
            for (RecentMeeting meeting : settings.recentMeetings()) {
                g.writeStartObject();
                g.writeStringField("server", meeting.server());
                g.writeStringField("room", meeting.room());
                g.writeStringField("lastJoined", meeting.lastJoined().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            WindowBounds w = settings.window();
            if (w != null) {
                g.writeObjectFieldStart("window");
                g.writeNumberField("x", w.x());
                g.writeNumberField("y", w.y());
                g.writeNumberField("width", w.width());
                g.writeNumberField("height", w.height());
                g.writeBooleanField("maximized", w.maximized());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        return out.toByteArray();
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
            Files.write(tmp, write(snapshot));
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
