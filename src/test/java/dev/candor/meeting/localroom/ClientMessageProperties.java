package dev.candor.meeting.localroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile signalling input is either a valid message or a schema error, never anything else. */
class ClientMessageProperties {
    @Property(tries = 2000)
    void anyInputParsesToAValidMessageOrIsRejectedCleanly(@ForAll("jsonish") String input) {
        ClientMessage parsed;
        try {
            parsed = SignalSocket.JSON.readValue(input, ClientMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException rejected) {
            return;
        }
        if (parsed instanceof ClientMessage.Chat chat) {
            assertThat(chat.text()).isNotEmpty().hasSizeLessThanOrEqualTo(ClientMessage.MAX_CHAT_CHARS);
            assertThat(chat.to()).matches("|[0-9a-f]{8}");
        } else if (parsed instanceof ClientMessage.Join join) {
            assertThat(join.name()).isNotBlank().hasSizeLessThanOrEqualTo(ClientMessage.MAX_NAME_CHARS);
        } else if (parsed instanceof ClientMessage.Signal signal) {
            assertThat(signal.data().isObject()).isTrue();
        }
    }

    @Property(tries = 1000)
    void legalRoomNamesNeedNoEscapingInAUrl(@ForAll String name) {
        if (RoomName.isLegal(name)) {
            assertThat(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(name);
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> pieces = Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"type\"",
                "\"join\"",
                "\"chat\"",
                "\"signal\"",
                "\"endpoint\"",
                "\"name\"",
                "\"mute\"",
                "\"leave\"",
                "\"ping\"",
                "\"to\"",
                "\"text\"",
                "\"data\"",
                "\"from\"",
                "\"audio\"",
                "\"video\"",
                "\"0a1b2c3d\"",
                "\"\"",
                "\"Ana\"",
                "null",
                "true",
                "1",
                "-0.5e9",
                "\"\\u0000\"",
                "\" \"",
                "{}",
                "\"" + "x".repeat(5000) + "\"");
        return pieces.list().ofMaxSize(24).map(l -> String.join("", l));
    }
}
