package dev.candor.app;

import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.media.JavaSoundMicrophone;
import dev.candor.media.WebcamCaptureCameras;
import dev.candor.ui.SystemAppearance;
import dev.candor.ui.UiParts;
import dev.candor.ui.call.MeetingDetailsScreens;
import dev.candor.ui.join.JoinPrefill;
import dev.candor.ui.settings.SettingsStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Candor's composition root and command line. The start sequence is: parse options, find the
 * data dir, start logging there, read settings, start the runtimes that must exist before the
 * JavaFX toolkit ({@link #startBeforeToolkit}), then {@link CandorApp#launch(Wiring)}. Further
 * commands (e.g. {@code transcribe}) are one line each in {@code subcommands} below.
 */
@Command(
        name = "candor",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Desktop video meetings on Jitsi Meet, with local, announced AI.",
        subcommands = {})
public final class Main implements Callable<Integer> {
    /** Set before the first logger is made; logback.xml writes there. */
    static final String LOGS_DIR_PROPERTY = "candor.logs.dir";

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Where settings, logs and the call record are kept (default: the platform's data folder + /candor).")
    Path dataDir;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Server to fill in, e.g. https://meet.jit.si, or 'local' for the room on this computer.")
    String server;

    @Option(names = "--room", paramLabel = "NAME", description = "Room name to fill in.")
    String room;

    @Option(names = "--name", paramLabel = "NAME", description = "Display name to use in the meeting.")
    String name;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "LINK",
            description = "A meeting link: https://host/Room, jitsi-meet://host/Room or candor://host/Room.")
    String link;

    @Option(
            names = "--exit-when-ready",
            description =
                    "Print 'READY <ms since process start>' to standard error once the join screen is shown, then quit.")
    boolean exitWhenReady;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream err;

    /** For picocli; reports go to the process's standard error. */
    public Main() {
        this(System.err);
    }

    Main(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        int code = commandLine(new Main()).execute(args);
        System.exit(code);
    }

    /** The command line with Candor's options; logging is set up before any command runs. */
    static CommandLine commandLine(Main main) {
        CommandLine line = new CommandLine(main);
        line.setExecutionStrategy(parsed -> {
            // Subcommands log from their first line; the app itself checks its options first.
            if (parsed.hasSubcommand() && !parsed.subcommand().isUsageHelpRequested()) {
                main.startLogging();
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return line;
    }

    /** The data dir: {@code --data-dir} or the platform's default; subcommands read it via {@code @ParentCommand}. */
    public Path dataDir() {
        return (dataDir != null ? dataDir : DataDirs.platformDefault()).toAbsolutePath();
    }

    private void startLogging() {
        if (System.getProperty(LOGS_DIR_PROPERTY) == null) {
            System.setProperty(LOGS_DIR_PROPERTY, dataDir().resolve("logs").toString());
        }
    }

    /**
     * What the options fill into the join screen. A link and {@code --server}/{@code --room} are
     * exclusive; anything invalid is a usage error with the parser's own words.
     */
    JoinPrefill prefill() {
        Optional<String> prefillServer = Optional.empty();
        Optional<String> prefillRoom = Optional.empty();
        try {
            if (link != null) {
                if (server != null || room != null) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "Give either a meeting link or --server/--room, not both.");
                }
                MeetingLink parsed = MeetingLink.parse(link);
                prefillServer = Optional.of(parsed.server().text());
                prefillRoom = Optional.of(parsed.room());
            }
            if (server != null) {
                prefillServer = Optional.of(MeetingServer.parse(server).text());
            }
            if (room != null) {
                String trimmed = room.strip();
                Optional<dev.candor.call.LinkProblem> problem = MeetingLink.roomProblem(trimmed);
                if (problem.isPresent()) {
                    throw new MeetingLink.InvalidLinkException(problem.get(), room);
                }
                prefillRoom = Optional.of(trimmed);
            }
        } catch (MeetingLink.InvalidLinkException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<String> prefillName =
                Optional.ofNullable(name).map(String::strip).filter(n -> !n.isEmpty());
        return new JoinPrefill(prefillServer, prefillRoom, prefillName);
    }

    @Override
    public Integer call() throws IOException {
        JoinPrefill prefill = prefill();
        Path dir = dataDir();
        Files.createDirectories(dir);
        startLogging();
        SettingsStore settings = new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC());
        // Logging and settings (Logback's and Jackson's set-up) load on their own thread while the
        // JavaFX toolkit starts; the window waits for them before it is built.
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Thread loader = new Thread(
                () -> {
                    try {
                        Logger log = LoggerFactory.getLogger(Main.class);
                        log.info("Candor starting, data dir {}", dir);
                        settings.load();
                        settings.problem()
                                .ifPresent(p ->
                                        log.warn("Settings problem at start: {} (kept as {})", p.kind(), p.keptAs()));
                        loaded.complete(null);
                    } catch (RuntimeException | Error e) {
                        loaded.completeExceptionally(e);
                    }
                },
                "candor-start");
        loader.setDaemon(true);
        loader.start();

        List<AutoCloseable> runtimes = startBeforeToolkit(dir);

        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "candor-background");
            t.setDaemon(true);
            return t;
        });
        ResourceBundle text = UiParts.texts();
        SystemAppearance appearance = new SystemAppearance(Duration.ofMillis(1500), System.getProperty("os.name", ""));
        UiParts ui = new UiParts(
                dir,
                settings,
                prefill,
                WebcamCaptureCameras.withDefaultDriver(),
                new JavaSoundMicrophone(),
                // Integrator: replace with the browser-backed call screens (Jitsi / local room).
                new MeetingDetailsScreens(text),
                appearance::prefersDark,
                background,
                Clock.systemUTC(),
                text,
                this::onReady);
        try {
            CandorApp.launch(new Wiring(ui, runtimes, loaded));
        } finally {
            settings.close();
            background.shutdownNow();
            LoggerFactory.getLogger(Main.class).info("Candor stopped");
        }
        return 0;
    }

    /**
     * The hook for runtimes that must start before the JavaFX toolkit: embedded Chromium must be
     * initialised first or JavaFX gets no input (see ARCHITECTURE.md). Each is closed, last
     * first, when the app stops. Keep this cheap: it is on the start-up path.
     */
    List<AutoCloseable> startBeforeToolkit(Path dataDir) {
        return new ArrayList<>();
    }

    private void onReady() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        long ms = Duration.between(started, Instant.now()).toMillis();
        LoggerFactory.getLogger(Main.class).info("Join screen ready {} ms after process start", ms);
        if (exitWhenReady) {
            err.println("READY " + ms);
            err.flush();
            Platform.exit();
        }
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Candor " + (v != null ? v : "development build")};
        }
    }
}
