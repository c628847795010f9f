package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ui.join.JoinPrefill;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class MainTest {

    private static Main parse(String... args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        return main;
    }

    @Test
    void aLinkOnTheCommandLineFillsServerAndRoom() {
        JoinPrefill prefill =
                parse("jitsi-meet://meet.example.org/Standup#config.x=1").prefill();

        assertThat(prefill.server()).contains("https://meet.example.org");
        assertThat(prefill.room()).contains("Standup");
    }

    @Test
    void serverRoomAndNameOptionsFillTheJoinScreen() {
        Main main = parse("--server", "local", "--room", " Kitchen ", "--name", "Ana", "--data-dir", "/tmp/x");

        assertThat(main.prefill())
                .isEqualTo(new JoinPrefill(Optional.of("local"), Optional.of("Kitchen"), Optional.of("Ana")));
        assertThat(main.dataDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ftp://meet.jit.si/Room                         | Only https://
            --server=exa mple                              | server name is not valid
            --room=My Room                                 | only letters
            --server=localhost:99999                       | port must be
            https://meet.jit.si/Room --room=Other          | either a meeting link or --server/--room
            --unknown                                      | Unknown option
            """)
    void invalidOptionsAreRefusedWithAClearMessage(String args, String message) {
        StringWriter err = new StringWriter();
        Main main = new Main();
        CommandLine line = Main.commandLine(main);
        line.setErr(new PrintWriter(err));
        // A meeting link or option in the table is split like a shell would, except "exa mple"/"My Room".
        String[] argv =
                args.contains("=") && args.indexOf(' ') > args.indexOf('=') ? new String[] {args} : args.split(" ");
        if (args.startsWith("https://")) argv = args.split(" ");

        int code = line.execute(argv);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(message);
    }

    @Test
    void helpListsEveryOptionAndExitsCleanly() {
        StringWriter out = new StringWriter();
        CommandLine line = Main.commandLine(new Main());
        line.setOut(new PrintWriter(out));

        int code = line.execute("--help");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains(
                        "--data-dir",
                        "--server",
                        "--room",
                        "--name",
                        "--exit-when-ready",
                        "LINK",
                        "candor://host/Room");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Linux      | XDG_DATA_HOME | /data/xdg         | /data/xdg/candor
            Linux      | XDG_DATA_HOME | relative/ignored  | /home/ana/.local/share/candor
            Linux      | OTHER         | x                 | /home/ana/.local/share/candor
            Windows 11 | APPDATA       | /c/Users/ana/Roam | /c/Users/ana/Roam/candor
            Windows 11 | OTHER         | x                 | /home/ana/AppData/Roaming/candor
            Mac OS X   | XDG_DATA_HOME | /data/xdg         | /home/ana/Library/Application Support/candor
            """)
    void dataDirFollowsThePlatform(String os, String variable, String value, String expected) {
        Path dir = DataDirs.platformDefault(os, Map.of(variable, value), Path.of("/home/ana"));

        assertThat(dir).isEqualTo(Path.of(expected));
    }
}
