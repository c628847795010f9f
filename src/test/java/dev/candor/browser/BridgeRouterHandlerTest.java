package dev.candor.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgeRouterHandlerTest {
    private final List<URI> opened = new ArrayList<>();
    private final BridgeRouterHandler router = new BridgeRouterHandler(b -> null, new ObjectMapper(), opened::add);
    private final PageSpec spec = PageSpec.builder("http://127.0.0.1:9000/room.html")
            .allowNavigation("https://meet.jit.si")
            .on(
                    "chat.send",
                    1,
                    r -> Map.of(
                            "echo",
                            r.payload().path("text").asText(),
                            "from",
                            r.origin().toString()))
            .maxMessageBytes(256)
            .build();

    @Test
    void aRegisteredTypeFromTheOwnOriginReachesItsHandler() throws Exception {
        Object reply = router.dispatch(
                spec,
                "http://127.0.0.1:9000/room.html",
                "{\"type\":\"chat.send\",\"v\":1,\"payload\":{\"text\":\"hi\"}}");
        assertThat(reply).isEqualTo(Map.of("echo", "hi", "from", "http://127.0.0.1:9000"));
    }

    @Test
    void foreignFramesAreRefusedEvenWhenTheyMayBeNavigatedTo() {
        assertCode("https://meet.jit.si/x", "{\"type\":\"chat.send\",\"v\":1}", BridgeException.FORBIDDEN);
        assertCode("http://127.0.0.1:9001/", "{\"type\":\"chat.send\",\"v\":1}", BridgeException.FORBIDDEN);
        assertCode(null, "{\"type\":\"chat.send\",\"v\":1}", BridgeException.FORBIDDEN);
    }

    @Test
    void badMessagesAreAnsweredWithACode() {
        String own = "http://127.0.0.1:9000/";
        assertCode(own, "not json", BridgeException.BAD_MESSAGE);
        assertCode(own, "[1,2]", BridgeException.BAD_MESSAGE);
        assertCode(own, "{\"type\":\"other\",\"v\":1}", BridgeException.UNKNOWN_TYPE);
        assertCode(own, "{\"type\":\"chat.send\",\"v\":2}", BridgeException.WRONG_VERSION);
        assertCode(
                own,
                "{\"type\":\"chat.send\",\"v\":1,\"payload\":\"" + "x".repeat(300) + "\"}",
                BridgeException.TOO_LARGE);
        assertCode(
                own,
                "{\"type\":\"browser.openExternal\",\"v\":1,\"payload\":{\"url\":\"file:///etc/passwd\"}}",
                BridgeException.BAD_MESSAGE);
        assertThat(opened).isEmpty();
    }

    @Test
    void pagesMayAskToOpenAWebLinkInTheSystemBrowser() throws Exception {
        router.dispatch(
                spec,
                "http://127.0.0.1:9000/",
                "{\"type\":\"browser.openExternal\",\"v\":1,\"payload\":{\"url\":\"https://example.org/a\"}}");
        assertThat(opened).containsExactly(URI.create("https://example.org/a"));
    }

    @Test
    void aMeetingFrameMayOpenOneWebLinkPerUserAction() throws Exception {
        String open = "{\"type\":\"browser.openExternal\",\"v\":1,\"payload\":{\"url\":\"https://example.org/chat\"}}";
        java.util.concurrent.atomic.AtomicInteger actions = new java.util.concurrent.atomic.AtomicInteger(1);
        java.util.function.BooleanSupplier userAction = () -> actions.getAndUpdate(n -> Math.max(0, n - 1)) > 0;

        router.dispatch(spec, "https://meet.jit.si/Room", open, userAction);
        assertThatThrownBy(() -> router.dispatch(spec, "https://meet.jit.si/Room", open, userAction))
                .isInstanceOfSatisfying(
                        BridgeException.class, e -> assertThat(e.code()).isEqualTo(BridgeException.FORBIDDEN));

        assertThat(opened).containsExactly(URI.create("https://example.org/chat"));
    }

    @Test
    void aMeetingFrameMayNotOpenOtherSchemesOrSendOtherMessages() {
        java.util.function.BooleanSupplier always = () -> true;
        for (String request : List.of(
                "{\"type\":\"browser.openExternal\",\"v\":1,\"payload\":{\"url\":\"file:///etc/passwd\"}}",
                "{\"type\":\"browser.openExternal\",\"v\":1,\"payload\":{\"url\":\"javascript:alert(1)\"}}",
                "{\"type\":\"chat.send\",\"v\":1,\"payload\":{\"text\":\"browser.openExternal\"}}",
                "{\"type\":\"browser.openExternal\",\"v\":2,\"payload\":{\"url\":\"https://example.org\"}}",
                "not json browser.openExternal")) {
            assertThatThrownBy(() -> router.dispatch(spec, "https://meet.jit.si/Room", request, always))
                    .as(request)
                    .isInstanceOf(BridgeException.class);
        }
        assertThat(opened).isEmpty();
    }

    private void assertCode(String frameUrl, String request, int code) {
        assertThatThrownBy(() -> router.dispatch(spec, frameUrl, request))
                .isInstanceOfSatisfying(
                        BridgeException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
