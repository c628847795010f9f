package dev.candor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.browser.NavigationPolicy.Decision;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginAndNavigationTest {
    private final NavigationPolicy policy =
            new NavigationPolicy(Set.of(Origin.parse("http://127.0.0.1:8080"), Origin.parse("https://meet.jit.si")));

    @Test
    void originsCompareSchemeHostAndEffectivePort() {
        assertThat(Origin.of("HTTPS://Meet.Jit.Si/room?x=1")).contains(new Origin("https", "meet.jit.si", 443));
        assertThat(Origin.parse("https://meet.jit.si:443")).isEqualTo(Origin.parse("https://meet.jit.si"));
        assertThat(Origin.parse("http://127.0.0.1:8080").toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(Origin.of("file:///etc/passwd")).isEmpty();
        assertThat(Origin.of("javascript:alert(1)")).isEmpty();
        assertThat(Origin.of("not a url")).isEmpty();
    }

    @Test
    void mainFrameStaysOnRegisteredOriginsAndOtherWebLinksOpenExternally() {
        assertThat(policy.navigation("http://127.0.0.1:8080/room", true)).isEqualTo(Decision.ALLOW);
        assertThat(policy.navigation("https://meet.jit.si/Standup", true)).isEqualTo(Decision.ALLOW);
        assertThat(policy.navigation("http://127.0.0.1:8081/", true)).isEqualTo(Decision.OPEN_EXTERNALLY);
        assertThat(policy.navigation("https://evil.example/", true)).isEqualTo(Decision.OPEN_EXTERNALLY);
        assertThat(policy.navigation("http://meet.jit.si/", true)).isEqualTo(Decision.OPEN_EXTERNALLY);
    }

    @Test
    void filesAndOtherSchemesAreBlockedEverywhere() {
        for (String url : new String[] {"file:///etc/passwd", "chrome://settings", "mailto:a@b.c", "zoommtg://x"}) {
            assertThat(policy.navigation(url, true)).as(url).isEqualTo(Decision.BLOCK);
            assertThat(policy.navigation(url, false)).as(url).isEqualTo(Decision.BLOCK);
            assertThat(policy.resource(url)).as(url).isFalse();
        }
        assertThat(policy.navigation("https://www.youtube.com/embed/x", false)).isEqualTo(Decision.ALLOW);
        assertThat(policy.resource("wss://meet.jit.si/xmpp-websocket")).isTrue();
        assertThat(policy.resource("data:image/png;base64,AA==")).isTrue();
    }
}
