package dev.candor.meeting.localroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.meeting.testing.CdpPage;
import dev.candor.meeting.testing.HeadlessChromium;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRoomTlsIT {
    @TempDir
    static Path dir;

    /** One certificate for the class: keytool is a JVM start of its own. */
    private static LocalRoomTls tls;

    @BeforeAll
    static void certificate() throws Exception {
        tls = LocalRoomTls.selfSigned(dir, List.of("localhost", "127.0.0.1"));
    }

    @Test
    void aSelfSignedRoomServesThePageAndSignallingOverHttps() throws Exception {
        LocalRoomTls tls = LocalRoomTls.selfSigned(dir, List.of("localhost", "127.0.0.1"));
        assertThat(LocalRoomTls.selfSigned(dir, List.of("localhost")).password())
                .isEqualTo(tls.password());

        try (LocalRoomServer server = new LocalRoomServer()) {
            server.start("127.0.0.1", 0, tls);
            URI page = server.url("lan-room");
            assertThat(page.getScheme()).isEqualTo("https");

            HttpClient client =
                    HttpClient.newBuilder().sslContext(trustingEverything()).build();
            HttpResponse<String> response =
                    client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("/static/room.js");

            CompletableFuture<String> first = new CompletableFuture<>();
            WebSocket ws = client.newWebSocketBuilder()
                    .buildAsync(
                            URI.create("wss://127.0.0.1:" + server.port() + "/ws/lan-room"), new WebSocket.Listener() {
                                @Override
                                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                    first.complete(data.toString());
                                    return null;
                                }
                            })
                    .join();
            ws.sendText("{\"type\":\"join\",\"name\":\"Ana\"}", true).join();
            assertThat(first.get(5, TimeUnit.SECONDS)).contains("\"type\":\"welcome\"");
            ws.abort();
        }
    }

    @Test
    void theRoomPageJoinsOverWssInABrowser() throws Exception {
        try (LocalRoomServer server = new LocalRoomServer();
                HeadlessChromium chromium = HeadlessChromium.launch("--ignore-certificate-errors")) {
            server.start("127.0.0.1", 0, tls);
            CdpPage tab = chromium.newPage();
            tab.navigate(server.url("secure-room", "Ana"));
            tab.await("document.getElementById('status').textContent === 'In the room'", Duration.ofSeconds(20));
            tab.await("document.getElementById('local-video').srcObject !== null", Duration.ofSeconds(20));
            assertThat(server.participants("secure-room")).isEqualTo(1);
            tab.close();
        }
    }

    @Test
    void theRunnerPrintsWhereToJoinAndStopsWhenInterrupted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Thread runner = new Thread(() -> {
            try {
                new LocalRoomRunner(out, LocalRoomLimits.DEFAULT).run("127.0.0.1", 0, "demo");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        runner.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!bytes.toString(StandardCharsets.UTF_8).contains("Ctrl+C") && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        runner.interrupt();
        runner.join(5000);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).containsPattern("http://127\\.0\\.0\\.1:\\d+/r/demo");
        assertThat(runner.isAlive()).isFalse();
    }

    private static SSLContext trustingEverything() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {trustAll}, null);
        return ctx;
    }
}
