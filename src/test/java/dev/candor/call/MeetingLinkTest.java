package dev.candor.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeetingLinkTest {

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://meet.jit.si/Standup                       | https://meet.jit.si          | Standup
            https://meet.jit.si/Standup/                      | https://meet.jit.si          | Standup
            HTTPS://Meet.JIT.si/Standup                       | https://meet.jit.si          | Standup
            meet.jit.si/Standup                               | https://meet.jit.si          | Standup
            jitsi-meet://meet.jit.si/Standup                  | https://meet.jit.si          | Standup
            jitsi-meet://meet.jit.si/Standup#config.startWithVideoMuted=true | https://meet.jit.si | Standup
            https://meet.jit.si/Standup?jwt=abc#userInfo.displayName="x" | https://meet.jit.si | Standup
            candor://meet.example.org/Team-Sync               | https://meet.example.org     | Team-Sync
            candor://local/Kitchen                            | local                        | Kitchen
            CANDOR://LOCAL/Kitchen?x=1                        | local                        | Kitchen
            https://meet.example.org:8443/Room_1              | https://meet.example.org:8443 | Room_1
            meet.example.org:8443/Room.2                      | https://meet.example.org:8443 | Room.2
            https://meet.example.org:443/Room                 | https://meet.example.org     | Room
            https://8x8.vc/vpaas-magic-cookie-1234/Weekly     | https://8x8.vc/vpaas-magic-cookie-1234 | Weekly
            http://localhost:8080/Test                        | http://localhost:8080        | Test
            http://127.0.0.1:9000/Test                        | http://127.0.0.1:9000        | Test
            https://192.168.1.20/Lab                          | https://192.168.1.20         | Lab
            https://[::1]:8443/Lab                            | https://[::1]:8443           | Lab
            https://meet.jit.si/Caf%C3%A9                     | https://meet.jit.si          | Café
            https://meet.jit.si/Überraschung                  | https://meet.jit.si          | Überraschung
            '  https://meet.jit.si/Padded  '                  | https://meet.jit.si          | Padded
            jitsi.internal/Room                               | https://jitsi.internal       | Room
            """)
    void acceptsValidLinks(String input, String server, String room) throws Exception {
        MeetingLink link = MeetingLink.parse(input);

        assertThat(link.server().text()).isEqualTo(server);
        assertThat(link.room()).isEqualTo(room);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ''                                        | EMPTY_LINK
            '   '                                     | EMPTY_LINK
            https://meet.jit.si/                      | EMPTY_ROOM
            https://meet.jit.si                       | EMPTY_ROOM
            https://meet.jit.si/My Room               | ROOM_CHARACTERS
            https://meet.jit.si/My%20Room             | ROOM_CHARACTERS
            https://meet.jit.si/<script>              | ROOM_CHARACTERS
            https://meet.jit.si/..                    | ROOM_CHARACTERS
            https://meet.jit.si/a%2Fb%3F              | ROOM_CHARACTERS
            ftp://meet.jit.si/Room                    | UNSUPPORTED_SCHEME
            javascript:alert(1)                       | UNSUPPORTED_SCHEME
            file:///etc/passwd                        | UNSUPPORTED_SCHEME
            data:text/html,hi                         | UNSUPPORTED_SCHEME
            http://meet.jit.si/Room                   | INSECURE_SCHEME
            https:meet.jit.si/Room                    | MALFORMED
            exa mple/Room                             | BAD_HOST
            https://exa mple/Room                     | BAD_HOST
            https://-bad-.example/Room                | BAD_HOST
            https://meet..jit.si/Room                 | BAD_HOST
            https://192.168.1.300/Room                | BAD_HOST
            https://10.0.0.1x/Room                    | BAD_HOST
            https://1.2.3.4.5/Room                    | BAD_HOST
            https://[zz::1]/Room                      | BAD_HOST
            https://under_score.example/Room          | BAD_HOST
            localhost:99999/Room                      | BAD_PORT
            https://meet.jit.si:0/Room                | BAD_PORT
            https://meet.jit.si:/Room                 | BAD_PORT
            https://meet.jit.si:44x/Room              | BAD_PORT
            https://user:pw@meet.jit.si/Room          | USER_INFO
            Standup                                   | MALFORMED
            https://meet.jit.si/%E0%A4%A              | MALFORMED
            candor://local/tenant/Room                | MALFORMED
            """)
    void refusesInvalidLinksWithAReason(String input, LinkProblem expected) {
        assertThatThrownBy(() -> MeetingLink.parse(input))
                .isInstanceOfSatisfying(MeetingLink.InvalidLinkException.class, e -> assertThat(e.problem())
                        .isEqualTo(expected));
    }

    @Test
    void roomLongerThanTheLimitIsRefused() {
        String room = "a".repeat(MeetingLink.MAX_ROOM_LENGTH + 1);

        assertThat(MeetingLink.roomProblem(room)).contains(LinkProblem.ROOM_TOO_LONG);
        assertThat(MeetingLink.roomProblem(room.substring(1))).isEmpty();
    }

    @Test
    void serverAndRoomFieldsCombineIntoOneMeeting() throws Exception {
        MeetingLink link = MeetingLink.of("meet.example.org", " Planning ");

        assertThat(link.url()).isEqualTo("https://meet.example.org/Planning");
        assertThat(MeetingLink.of("local", "Kitchen").server()).isEqualTo(MeetingServer.LOCAL);
        assertThat(MeetingLink.of("local", "Café").url()).isEqualTo("candor://local/Caf%C3%A9");
    }

    @Test
    void serverFieldRefusesWhatTheLinkParserRefuses() {
        assertThatThrownBy(() -> MeetingServer.parse("ftp://x.org"))
                .isInstanceOfSatisfying(MeetingLink.InvalidLinkException.class, e -> assertThat(e.problem())
                        .isEqualTo(LinkProblem.UNSUPPORTED_SCHEME));
        assertThatThrownBy(() -> MeetingServer.parse(""))
                .isInstanceOfSatisfying(MeetingLink.InvalidLinkException.class, e -> assertThat(e.problem())
                        .isEqualTo(LinkProblem.EMPTY_SERVER));
    }

    @Test
    void aParsedLinkParsesBackToItself() throws Exception {
        MeetingLink link = MeetingLink.parse("jitsi-meet://meet.example.org:8443/t/Room#config.x=1");

        assertThat(MeetingLink.parse(link.url())).isEqualTo(link);
    }
}
