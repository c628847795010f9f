package dev.candor.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.EventQueue;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import me.friwi.jcefmaven.CefAppBuilder;
import me.friwi.jcefmaven.EnumProgress;
import me.friwi.jcefmaven.MavenCefAppHandlerAdapter;
import org.cef.CefApp;
import org.cef.CefClient;
import org.cef.browser.CandorOffscreenBrowser;
import org.cef.browser.CefMessageRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Chromium of one Candor process: unpacks the bundled runtime, initialises CEF and
 * owns the one {@link CefClient} every {@link BrowserView} runs in. Owned by {@code app}, passed
 * down; call {@link #start()} before the JavaFX toolkit starts (CEF initialised after JavaFX left
 * JavaFX without mouse and key events), and {@link #shutdown()} once at exit.
 *
 * <p>Threads: {@link #start()} and {@link #shutdown()} block and must not run on the FX thread;
 * every other CEF call this layer makes runs on the AWT event thread, CEF's callbacks arrive on
 * CEF's own UI thread.
 */
public final class BrowserRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrowserRuntime.class);

    /** Where the runtime is in its life. */
    public enum State {
        NOT_STARTED,
        STARTING,
        READY,
        FAILED,
        UNSUPPORTED,
        SHUT_DOWN
    }

    /** Progress of a start, for a splash or progress bar; {@code fraction} is 0..1 or -1 if unknown. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(String step, float fraction);
    }

    private final BrowserSettings settings;
    private final ProgressListener progress;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<CandorOffscreenBrowser, BrowserPage> pages = new ConcurrentHashMap<>();
    private final ExternalOpener opener;

    private volatile State state = State.NOT_STARTED;
    private volatile String failure = "";
    private CefApp app;
    private CefClient client;
    private CefMessageRouter router;
    private Path cacheDir;

    public BrowserRuntime(BrowserSettings settings, ExternalOpener opener, ProgressListener progress) {
        this.settings = Objects.requireNonNull(settings);
        this.opener = Objects.requireNonNull(opener);
        this.progress = progress == null ? (s, f) -> {} : progress;
    }

    /**
     * Unpacks (first run only, under a file lock) and initialises CEF. Never throws: on failure the
     * state is {@link State#FAILED} or {@link State#UNSUPPORTED} and {@link #failureMessage()} says
     * why in words a user understands.
     */
    public synchronized State start() {
        if (state != State.NOT_STARTED) {
            return state;
        }
        Optional<String> unsupported = unsupportedReason();
        if (unsupported.isPresent()) {
            failure = unsupported.get();
            state = State.UNSUPPORTED;
            log.warn("Embedded browser unavailable: {}", failure);
            return state;
        }
        state = State.STARTING;
        long t0 = System.nanoTime();
        try {
            progress.progress("Preparing the embedded browser", 0f);
            Path installDir = RuntimeDir.choose(settings);
            boolean bundled = settings.bundledRuntime().map(installDir::equals).orElse(false);
            cacheDir = settings.dataDir()
                    .resolve("jcef-cache")
                    .resolve(Long.toString(ProcessHandle.current().pid()));
            removeStaleCaches(settings.dataDir().resolve("jcef-cache"));
            Files.createDirectories(cacheDir);

            CefAppBuilder builder = new CefAppBuilder();
            builder.setInstallDir(installDir.toFile());
            builder.setMirrors(List.of()); // natives come from the Maven artifact, never downloaded
            builder.setProgressHandler(this::onProgress);
            builder.getCefSettings().windowless_rendering_enabled = true;
            builder.getCefSettings().root_cache_path = cacheDir.toString();
            builder.getCefSettings().cache_path = cacheDir.resolve("default").toString();
            builder.getCefSettings().persist_session_cookies = false;
            builder.getCefSettings().log_severity = org.cef.CefSettings.LogSeverity.LOGSEVERITY_WARNING;
            Path logs = settings.dataDir().resolve("logs");
            Files.createDirectories(logs);
            builder.getCefSettings().log_file = logs.resolve(
                            "chromium-" + ProcessHandle.current().pid() + ".log")
                    .toString();
            builder.addJcefArgs(Switches.forProcess(settings).toArray(String[]::new));
            builder.getCefSettings().user_agent_product = userAgentProduct(buildTag());
            builder.setAppHandler(new MavenCefAppHandlerAdapter() {
                @Override
                public void stateHasChanged(CefApp.CefAppState s) {
                    log.debug("CEF state {}", s);
                }
            });
            if (!bundled) {
                unpackOnce(installDir);
            }
            long installed = System.nanoTime();
            app = builder.build();
            client = app.createClient();
            router = CefMessageRouter.create();
            router.addHandler(new BridgeRouterHandler(pages::get, json, opener), true);
            client.addMessageRouter(router);
            PageGuard guard = new PageGuard(pages::get, opener);
            client.addRequestHandler(guard);
            client.addLifeSpanHandler(guard.new Popups());
            client.addDialogHandler(new PageGuard.NoFileDialogs());
            client.addJSDialogHandler(new PageGuard.QuietDialogs());
            client.addContextMenuHandler(new PageGuard.NoContextMenu());
            client.addDisplayHandler(guard.new Display());
            client.addLoadHandler(guard.new Loads());
            state = State.READY;
            progress.progress("Embedded browser ready", 1f);
            log.info(
                    "Embedded browser ready from {}: install {} ms, init {} ms, Chromium {}",
                    installDir,
                    (installed - t0) / 1_000_000,
                    (System.nanoTime() - installed) / 1_000_000,
                    app.getVersion() == null ? "?" : app.getVersion().getChromeVersion());
        } catch (Exception | UnsatisfiedLinkError e) {
            failure = "The embedded browser could not start (" + e.getMessage() + "). Meetings cannot be shown.";
            state = State.FAILED;
            log.error("Embedded browser failed to start", e);
        }
        return state;
    }

    /** Electron's release built on Chromium 146, named in the user agent (see userAgentProduct). */
    static final String ELECTRON = "41.0.0";

    /**
     * The product part of the user agent: Chromium's own version plus {@code Electron/<version>}.
     * Jitsi Meet asks its host app for the desktop sources (its {@code _requestDesktopSources}
     * request, answered from Candor's picker) only when the user agent names Electron, as
     * jitsi-meet-electron's does; otherwise it calls getDisplayMedia, which Candor's meeting pages
     * switch off (README, "Screen sharing").
     */
    static String userAgentProduct(String releaseTag) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("chromium-(\\d+(?:\\.\\d+){3})")
                .matcher(releaseTag == null ? "" : releaseTag);
        String chrome = m.find() ? m.group(1) : "146.0.0.0";
        return "Chrome/" + chrome + " Electron/" + ELECTRON + " Candor";
    }

    private static String buildTag() {
        try {
            return me.friwi.jcefmaven.CefBuildInfo.fromClasspath().getReleaseTag();
        } catch (IOException | RuntimeException e) {
            log.debug("No JCEF build info", e);
            return "";
        }
    }

    /** Unpacks into the data dir under a file lock: two processes unpacking at once race inside jcefmaven. */
    private void unpackOnce(Path installDir) throws IOException {
        try (FileChannel lockFile = FileChannel.open(
                settings.dataDir().resolve("jcef.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.lock();
            try {
                RuntimeDir.unpack(installDir, this::onProgress);
            } finally {
                lock.release();
            }
        }
    }

    private void onProgress(EnumProgress step, float fraction) {
        String words =
                switch (step) {
                    case LOCATING -> "Locating the embedded browser";
                    case DOWNLOADING, EXTRACTING -> "Unpacking the embedded browser (first start only)";
                    case INSTALL -> "Installing the embedded browser";
                    case INITIALIZING -> "Starting the embedded browser";
                    case INITIALIZED -> "Embedded browser started";
                };
        progress.progress(words, fraction < 0 ? -1f : fraction / 100f);
    }

    /** True once {@link #start()} succeeded and until {@link #shutdown()}. */
    public boolean isSupported() {
        return state == State.READY;
    }

    public State state() {
        return state;
    }

    /** Why the browser is unavailable, for the user; empty while it is fine. */
    public String failureMessage() {
        return failure;
    }

    public BrowserSettings settings() {
        return settings;
    }

    /**
     * Opens a page as a JavaFX node. Call on the FX thread; the browser itself is created on the
     * AWT event thread and paints as soon as the node has a size.
     *
     * @throws IllegalStateException if the runtime is not {@link State#READY}
     */
    public BrowserView open(PageSpec spec) {
        if (state != State.READY) {
            throw new IllegalStateException("Embedded browser not available: " + state + " " + failure);
        }
        BrowserPage page = new BrowserPage(spec, json);
        CandorOffscreenBrowser browser = new CandorOffscreenBrowser(client, spec.url(), page.frames());
        page.attach(browser);
        pages.put(browser, page);
        BrowserView view = new BrowserView(browser, page, () -> pages.remove(browser));
        EventQueue.invokeLater(() -> {
            browser.createImmediately();
            browser.setWindowlessFrameRate(settings.frameRate());
        });
        return view;
    }

    /** Pages currently open (for shutdown and diagnostics). */
    int openPages() {
        return pages.size();
    }

    /**
     * Closes every browser, then the client, then CEF, and waits until CEF has terminated (at most a
     * few seconds). Leaves no Chromium process behind. Idempotent.
     */
    public synchronized void shutdown() {
        if (state != State.READY) {
            state = state == State.NOT_STARTED ? State.SHUT_DOWN : state;
            return;
        }
        state = State.SHUT_DOWN;
        long t0 = System.nanoTime();
        List<CandorOffscreenBrowser> open = new ArrayList<>(pages.keySet());
        for (CandorOffscreenBrowser b : open) {
            b.closeAndWait(2, TimeUnit.SECONDS);
        }
        pages.clear();
        try {
            EventQueue.invokeAndWait(() -> {
                client.removeMessageRouter(router);
                router.dispose();
                client.dispose();
                app.dispose();
            });
        } catch (Exception e) {
            log.warn("CEF dispose failed", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (CefApp.getState() != CefApp.CefAppState.TERMINATED && System.nanoTime() < deadline) {
            sleep(10);
        }
        deleteTree(cacheDir);
        log.info("Embedded browser shut down in {} ms ({})", (System.nanoTime() - t0) / 1_000_000, CefApp.getState());
    }

    @Override
    public void close() {
        shutdown();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<String> unsupportedReason() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux")) {
            return Optional.of("The embedded browser is only bundled for Linux in this build.");
        }
        if (blank(System.getenv("DISPLAY"))) {
            // Without an X display CEF fails (or, with the headless ozone platform, aborts the JVM).
            return Optional.of("No graphical display (DISPLAY is not set), so meetings cannot be shown.");
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Removes cache dirs of Candor processes that are gone (each process has its own). */
    private static void removeStaleCaches(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .filter(d -> ProcessHandle.of(Long.parseLong(d.getFileName().toString()))
                            .map(p -> !p.isAlive())
                            .orElse(true))
                    .forEach(BrowserRuntime::deleteTree);
        } catch (IOException e) {
            log.debug("Could not list {}", root, e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.debug("Could not delete {}", p);
                }
            });
        } catch (IOException e) {
            log.debug("Could not delete {}", dir, e);
        }
    }
}
