package dev.candor.meeting.jitsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JitsiHostPageServerTest {
    private final JitsiHostPageServer server = new JitsiHostPageServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHostPageAllowsScriptsAndFramesOnlyFromTheChosenDeployment() throws Exception {
        URI url = server.url(new JitsiMeeting(URI.create("https://meet.example.org/"), "Weekly Sync", "Ana & Bo"));

        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        HttpResponse<String> page = get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/jitsi/host.js");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self' https://meet.example.org;")
                .contains("frame-src https://meet.example.org;")
                .doesNotContain("unsafe");
        assertThat(get(URI.create(url.resolve("/jitsi/host.js").toString())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aHostPageForAnythingButAValidDeploymentIsRefused() throws Exception {
        URI good = server.url(new JitsiMeeting(URI.create("https://meet.example.org"), "r", "Ana"));
        String base = good.toString().substring(0, good.toString().indexOf('?'));
        for (String query : new String[] {
            "?deployment=javascript:alert(1)&room=r",
            "?deployment=http://evil.example&room=r",
            "?deployment=https://meet.example.org&room=a/b",
            "?room=r"
        }) {
            assertThat(get(URI.create(base + query)).statusCode()).as(query).isEqualTo(400);
        }
        assertThat(get(URI.create(base.replace("host.html", "../../etc/passwd")))
                        .statusCode())
                .isIn(400, 404);
    }

    @Test
    void meetingsAreHttpsExceptOnLoopback() {
        assertThat(new JitsiMeeting(URI.create("https://meet.jit.si/"), "r", "Ana").deployment())
                .isEqualTo(URI.create("https://meet.jit.si"));
        assertThat(new JitsiMeeting(URI.create("http://127.0.0.1:8443"), "r", "Ana").origin())
                .isEqualTo("http://127.0.0.1:8443");
        assertThatThrownBy(() -> new JitsiMeeting(URI.create("http://meet.jit.si"), "r", "Ana"))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> new JitsiMeeting(URI.create("https://meet.jit.si?x=1"), "r", "Ana"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JitsiMeeting(URI.create("https://meet.jit.si"), "", "Ana"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
