package dev.candor.app;

import dev.candor.browser.BrowserRuntime;
import dev.candor.browser.BrowserSettings;
import dev.candor.browser.RuntimeDir;
import dev.candor.browser.SystemBrowserOpener;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.media.JavaSoundMicrophone;
import dev.candor.media.WebcamCaptureCameras;
import dev.candor.media.X11DesktopSources;
import dev.candor.meeting.jitsi.JitsiHostPageServer;
import dev.candor.meeting.jitsi.JitsiMeetCallSession;
import dev.candor.meeting.localroom.LocalRoomLimits;
import dev.candor.meeting.localroom.LocalRoomRunner;
import dev.candor.meeting.localroom.LocalRoomServer;
import dev.candor.meeting.localroom.LocalRoomTls;
import dev.candor.ui.SystemAppearance;
import dev.candor.ui.UiParts;
import dev.candor.ui.call.FxDesktopPicker;
import dev.candor.ui.join.JoinPrefill;
import dev.candor.ui.settings.SettingsStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Candor's composition root and command line. The start sequence is: parse options, find the
 * data dir, start logging there, read settings, start embedded Chromium, which must exist before the
 * JavaFX toolkit ({@link #startBrowser}), then {@link CandorApp#launch(Wiring)}; Chromium and the
 * meeting servers are closed when that returns. Further
 * commands (e.g. {@code transcribe}) are one line each in {@code subcommands} below.
 */
@Command(
        name = "candor",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Desktop video meetings on Jitsi Meet, with local, announced AI.",
        subcommands = {
            TranscribeCommand.class,
            SummarizeCommand.class,
            ModelsCommand.class,
            UnpackBrowserCommand.class,
            CdsTrainingCommand.class
        })
public final class Main implements Callable<Integer> {
    /** Set before the first logger is made; logback.xml writes there. */
    static final String LOGS_DIR_PROPERTY = "candor.logs.dir";

    /** How long a later process waits for the running one to take its link before starting itself. */
    static final Duration HANDOFF_TIMEOUT = Duration.ofSeconds(2);

    /**
     * A folder holding the embedded browser already unpacked ({@code candor unpack-browser DIR});
     * the installers set it to the one inside the app, so the first start unpacks nothing.
     */
    static final String BROWSER_RUNTIME_PROPERTY = "candor.browser.runtime";

    /** {@code -Dcandor.startup.noPreload=true} turns the background class preload off (to measure it). */
    static final String NO_PRELOAD_PROPERTY = "candor.startup.noPreload";

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

    @Option(
            names = "--local-room",
            description = "Host a local room server without the app window (for a LAN); see --host and --port.")
    boolean localRoomOnly;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "Address the local room server listens on (default 127.0.0.1; 0.0.0.0 for the LAN).")
    String roomHost = "127.0.0.1";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port of the local room server (default: any free port; 8443 is a good LAN choice).")
    int roomPort;

    @Option(
            names = "--https",
            description =
                    "With --local-room: serve https with a self-signed certificate, so LAN browsers can send video.")
    boolean roomHttps;

    @Option(
            names = "--fake-media",
            hidden = true,
            description = "Use Chromium's fake camera and microphone (tests and demos on machines without devices).")
    boolean fakeMedia;

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

    /** Runs the command line with the given output and error streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(new Main()).setOut(out).setErr(err).execute(args);
    }

    /** The command line with Candor's options and a fresh {@link Main}. */
    static CommandLine commandLine() {
        return commandLine(new Main());
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
        if (roomPort < 0 || roomPort > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535.");
        }
        if (localRoomOnly) {
            return hostLocalRoom();
        }
        JoinPrefill prefill = prefill();
        Path dir = dataDir();
        // Before anything heavy: if Candor already runs on this data dir, hand it the link and go.
        Optional<InstanceChannel> channel = InstanceChannel.socketFor(dir, InstanceChannel.userRuntimeDir())
                .map(socket -> new InstanceChannel(socket, HANDOFF_TIMEOUT));
        if (channel.isPresent() && handOff(channel.get())) {
            return 0;
        }
        Files.createDirectories(dir);
        startLogging();
        LinkInbox inbox = new LinkInbox();
        InstanceChannel.Listening listening = null;
        if (channel.isPresent()) {
            listening = channel.get().listen(inbox);
            // Started at the same moment as another Candor, which won the socket: hand over to it.
            if (listening.busy().orElse(null) == InstanceChannel.Busy.ANOTHER_INSTANCE && handOff(channel.get())) {
                return 0;
            }
        }
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

        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "candor-background");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "candor-call-timer");
            t.setDaemon(true);
            return t;
        });
        // While Chromium initialises on this thread, the other core loads the classes the JavaFX
        // toolkit and the join screen will need, and builds the parts that do not need Chromium
        // (texts, and the meeting page servers: page files, Jetty, the room ids' SecureRandom).
        if (!Boolean.getBoolean(NO_PRELOAD_PROPERTY)) {
            StartupClasses.preloadInBackground();
        }
        CompletableFuture<PageServers> pageServers = CompletableFuture.supplyAsync(
                () -> new PageServers(UiParts.texts(), new LocalRoomServer(), new JitsiHostPageServer()), background);
        BrowserRuntime browser = startBrowser(dir);

        PageServers servers = await(pageServers);
        ResourceBundle text = servers.text();
        BrowserCallScreens callScreens = new BrowserCallScreens(
                browser,
                servers.localRoom(),
                roomHost,
                roomPort,
                servers.jitsi(),
                background,
                timer,
                Clock.systemUTC(),
                text,
                JitsiMeetCallSession.DEFAULT_JOIN_TIMEOUT,
                X11DesktopSources.ofThisDisplay(),
                new FxDesktopPicker(text, picker -> {}));
        ModelTools models = new ModelTools(dir.resolve("models"), background);
        SystemAppearance appearance = new SystemAppearance(Duration.ofMillis(1500), System.getProperty("os.name", ""));
        UiParts ui = new UiParts(
                dir,
                settings,
                prefill,
                WebcamCaptureCameras.withDefaultDriver(),
                new JavaSoundMicrophone(),
                callScreens,
                appearance::prefersDark,
                background,
                Clock.systemUTC(),
                text,
                this::onReady,
                models);
        try {
            CandorApp.launch(new Wiring(ui, loaded, inbox::deliverTo));
        } finally {
            if (listening != null) {
                listening.close();
            }
            // Here, on the main thread after the toolkit has exited: shutting Chromium down blocks
            // (up to a few seconds) and must never run on the FX thread.
            callScreens.close();
            browser.shutdown();
            settings.close();
            models.close();
            background.shutdownNow();
            timer.shutdownNow();
            LoggerFactory.getLogger(Main.class).info("Candor stopped");
        }
        return 0;
    }

    /** The parts built on a background thread while Chromium starts. */
    private record PageServers(ResourceBundle text, LocalRoomServer localRoom, JitsiHostPageServer jitsi) {}

    /** The future's value; its failure is rethrown as it was thrown (as building in place would). */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /**
     * Offers this command line's meeting to a Candor already running on the data dir. True if it
     * took it (this process then exits); false to start normally: nobody runs, a stale socket, no
     * answer in time, or a refusal (e.g. an older Candor that speaks another hand-off).
     */
    private boolean handOff(InstanceChannel channel) {
        HandoffMessage message = new HandoffMessage(
                Optional.ofNullable(link).map(String::strip),
                Optional.ofNullable(server).map(String::strip),
                Optional.ofNullable(room).map(String::strip),
                Optional.ofNullable(name).map(String::strip).filter(n -> !n.isEmpty()));
        InstanceChannel.Outcome outcome = channel.offer(message);
        if (outcome instanceof InstanceChannel.Outcome.HandedOff) {
            err.println(
                    link != null || room != null
                            ? "Candor is already running: the meeting was handed to its window."
                            : "Candor is already running: its window was brought to the front.");
            err.flush();
            return true;
        }
        if (outcome instanceof InstanceChannel.Outcome.NoAnswer a) {
            err.println("A running Candor did not answer (" + a.why() + "); starting another window.");
        } else if (outcome instanceof InstanceChannel.Outcome.Refused r) {
            err.println("A running Candor refused the meeting (" + r.reason() + "); starting another window.");
        }
        return false;
    }

    /**
     * Starts embedded Chromium, which must be initialised before the JavaFX toolkit or JavaFX gets
     * no input (see ARCHITECTURE.md). It never throws: without a display or with a damaged runtime
     * the app still opens, and the call screen says why the meeting view is unavailable.
     */
    BrowserRuntime startBrowser(Path dataDir) {
        BrowserSettings settings = fakeMedia ? BrowserSettings.forTests(dataDir) : BrowserSettings.of(dataDir);
        String bundled = System.getProperty(BROWSER_RUNTIME_PROPERTY, "");
        if (!bundled.isBlank()) {
            settings = settings.withBundledRuntime(Path.of(bundled));
        }
        BrowserRuntime.State state;
        BrowserRuntime browser;
        try (FirstRunSplash splash = new FirstRunSplash()) {
            splash.showIfFirstStart(RuntimeDir.choose(settings));
            browser = new BrowserRuntime(settings, new SystemBrowserOpener(), splash);
            state = browser.start();
        }
        LoggerFactory.getLogger(Main.class).info("Embedded browser: {}", state);
        return browser;
    }

    /** {@code --local-room}: serves rooms until the process is stopped, with no window. */
    private int hostLocalRoom() throws IOException {
        startLogging();
        Path dir = dataDir();
        Files.createDirectories(dir);
        LocalRoomTls tls = roomHttps ? LocalRoomTls.selfSigned(dir.resolve("local-room"), tlsNames()) : null;
        new LocalRoomRunner(System.out, LocalRoomLimits.DEFAULT)
                .run(roomHost, roomPort, room == null ? "team" : room, tls);
        return 0;
    }

    /** The names a LAN room's certificate must cover: this machine's names and addresses. */
    private List<String> tlsNames() {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1"));
        if (!roomHost.equals("0.0.0.0") && !names.contains(roomHost)) {
            names.add(roomHost);
        }
        LocalRoomServer.lanAddresses().forEach(a -> names.add(a.getHostAddress()));
        return names;
    }

    private void onReady() {
        FirstRunSplash.closeLauncherSplash();
        long ms = ProcessAge.now().toMillis();
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
