package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.ui.join.JoinPrefill;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoffMessageTest {

    private static JoinPrefill read(String text) throws HandoffMessage.Refused {
        return HandoffMessage.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJitsiMeetLinkIsReadWithTheLinkParser() throws Exception {
        HandoffMessage sent = new HandoffMessage(
                Optional.of("jitsi-meet://meet.example.org/Standup"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("Ana"));

        JoinPrefill got = HandoffMessage.read(sent.encode());

        assertThat(got)
                .isEqualTo(new JoinPrefill(
                        Optional.of("https://meet.example.org"), Optional.of("Standup"), Optional.of("Ana")));
    }

    @Test
    void serverAndRoomWithoutALinkAreCheckedLikeTheCommandLine() throws Exception {
        JoinPrefill got = read("candor-handoff 1\nserver local\nroom Kitchen\n");

        assertThat(got).isEqualTo(new JoinPrefill(Optional.of("local"), Optional.of("Kitchen"), Optional.empty()));
    }

    @Test
    void anEmptyMessageOnlyBringsTheWindowToTheFront() throws Exception {
        assertThat(HandoffMessage.read(HandoffMessage.bringToFront().encode())).isEqualTo(JoinPrefill.none());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "GET / HTTP/1.1\nHost: x\n",
                "candor-handoff 2\nlink https://meet.jit.si/Room\n",
                "candor-handoff 1\nlink ftp://meet.jit.si/Room\n",
                "candor-handoff 1\nlink https://meet.jit.si/My Room\n",
                "candor-handoff 1\nlink https://meet.jit.si/A\nlink https://meet.jit.si/B\n",
                "candor-handoff 1\nlink https://meet.jit.si/A\nroom B\n",
                "candor-handoff 1\nexec rm -rf /\n",
                "candor-handoff 1\nserver exa mple\n",
                "candor-handoff 1\nname A\u0007B\n",
            })
    void hostileOrMalformedMessagesAreRefused(String text) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(HandoffMessage.Refused.class);
    }

    @Test
    void anOversizedMessageIsRefusedWithoutBeingParsed() {
        byte[] big =
                ("candor-handoff 1\nname " + "x".repeat(HandoffMessage.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> HandoffMessage.read(big)).hasMessage("too long");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] bad = {'c', 'a', (byte) 0xC3, (byte) 0x28};

        assertThatThrownBy(() -> HandoffMessage.read(bad)).hasMessage("not UTF-8");
    }

    @Test
    void aFieldCannotSmuggleASecondLine() {
        assertThatThrownBy(() -> new HandoffMessage(
                        Optional.of("https://meet.jit.si/A\nserver evil"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
