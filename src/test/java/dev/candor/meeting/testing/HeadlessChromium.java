package dev.candor.meeting.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, with fake camera and microphone, driven over the DevTools protocol
 * (java.net.http WebSocket + Jackson). Small on purpose: targets, evaluate, bindings, events.
 */
public final class HeadlessChromium implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path userDataDir;
    private final WebSocket ws;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> eventListeners = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, Path userDataDir, URI browserWs) {
        this.process = process;
        this.userDataDir = userDataDir;
        this.ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(browserWs, new Listener())
                .join();
    }

    /** Whether this machine has the Chromium the tests use. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/chromium"));
    }

    /** Starts Chromium with the test switches and connects to its browser target. */
    public static HeadlessChromium launch(String... extraSwitches) throws IOException {
        Path dir = Files.createTempDirectory("candor-chromium");
        List<String> command = new java.util.ArrayList<>(List.of(
                "/usr/bin/chromium",
                "--headless=new",
                "--no-sandbox",
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--mute-audio",
                "--remote-allow-origins=*",
                "--remote-debugging-port=0",
                "--user-data-dir=" + dir));
        command.addAll(List.of(extraSwitches));
        command.add("about:blank");
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        URI url = null;
        while (System.nanoTime() < end && (line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                url = URI.create(m.group(1));
                break;
            }
        }
        if (url == null) {
            p.destroyForcibly();
            throw new IOException("Chromium did not report its DevTools address");
        }
        // Keep draining stderr so Chromium never blocks on a full pipe.
        Thread drain = new Thread(
                () -> {
                    try {
                        while (err.readLine() != null) {
                            // discarded: GPU, dbus and ALSA noise
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                },
                "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return new HeadlessChromium(p, dir, url);
    }

    /** Opens a new tab and attaches to it. */
    public CdpPage newPage() {
        ObjectNode create = JSON.createObjectNode().put("url", "about:blank");
        String targetId =
                call(null, "Target.createTarget", create).path("targetId").asText();
        ObjectNode attach = JSON.createObjectNode().put("targetId", targetId).put("flatten", true);
        String sessionId =
                call(null, "Target.attachToTarget", attach).path("sessionId").asText();
        CdpPage page = new CdpPage(this, sessionId, targetId);
        page.call("Page.enable", JSON.createObjectNode());
        page.call("Runtime.enable", JSON.createObjectNode());
        return page;
    }

    JsonNode call(String sessionId, String method, ObjectNode params) {
        try {
            return callAsync(sessionId, method, params).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("CDP " + method + " failed: " + e.getMessage(), e);
        }
    }

    CompletableFuture<JsonNode> callAsync(String sessionId, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        synchronized (ws) {
            ws.sendText(msg.toString(), true).join();
        }
        return f;
    }

    void addEventListener(Consumer<JsonNode> listener) {
        eventListeners.add(listener);
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", JSON.createObjectNode());
        } catch (RuntimeException ignored) {
            // already gone
        }
        ws.abort();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(userDataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp dir; best effort
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(text.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f =
                                pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            if (msg.has("error")) {
                                f.completeExceptionally(new IllegalStateException(
                                        msg.get("error").toString()));
                            } else {
                                f.complete(msg.path("result"));
                            }
                        }
                    } else {
                        for (Consumer<JsonNode> l : eventListeners) {
                            try {
                                l.accept(msg);
                            } catch (RuntimeException e) {
                                // An exception thrown out of onText makes the JDK abort the
                                // DevTools socket, failing every later call of every test.
                                org.slf4j.LoggerFactory.getLogger(HeadlessChromium.class)
                                        .warn("A DevTools event listener failed", e);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Waits between polls of a page condition. */
    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
