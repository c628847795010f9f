package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor summarize FILE}: happy paths in every input shape and output format, and bad files. */
class SummarizeCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static final String SCRIPT =
            """
            ANA: Let's move the launch to May.
            BEN: Works for me. I will send the budget to finance by Friday.
            CHLOE: One open question is whether we keep the old logo. We'll come back to it next week.
            """;

    @Test
    void speakerLinesBecomeMarkdownWithSourceIds() throws Exception {
        Path f = Files.writeString(dir.resolve("m.txt"), SCRIPT);
        Run r = run("summarize", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "## Decisions",
                        "Move the launch to May. `[L1]`",
                        "**Ben**: Send the budget to finance — due Friday `[L2]`",
                        "## Open questions");
    }

    @Test
    void candorJsonWithChatBecomesJsonWithSourceIds() throws Exception {
        Path f = Files.writeString(
                dir.resolve("m.json"),
                """
                {"items":[
                  {"id":"s1","kind":"speech","speaker":"Ana","timeMs":0,"text":"Ben, can you book the room for Tuesday?"},
                  {"id":"s2","kind":"speech","speaker":"Ben","timeMs":4000,"text":"Sure, no problem."},
                  {"id":"c1","kind":"chat","speaker":"Chloe","timeMs":5000,"text":"I will send the agenda by Monday."}]}
                """);
        Run r = run("summarize", "--format", "json", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("status").asText()).isEqualTo("complete");
        assertThat(root.path("actionItems").toString())
                .contains("\"owner\":\"Ben\"", "\"due\":\"Tuesday\"", "\"s1\"", "\"owner\":\"Chloe\"", "\"c1\"");
    }

    @Test
    void qmsumShapeIsAccepted() throws Exception {
        Path f = Files.writeString(
                dir.resolve("q.json"),
                """
                {"topic_list":[],"general_query_list":[],"meeting_transcripts":[
                  {"speaker":"Project Manager","content":"Um {vocalsound} so we we decided to use a rubber case for the remote {disfmarker} ."},
                  {"speaker":"Marketing","content":"Okay. I will send the survey results by Friday."}]}
                """);
        Run r = run("summarize", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Use a rubber case for the remote. `[t1]`")
                .doesNotContain("{vocalsound}", "{disfmarker}");
        assertThat(r.out()).contains("**Marketing**: Send the survey results — due Friday `[t2]`");
    }

    @Test
    void badFilesGiveOneClearLineAndNonZeroExit() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "  \n");
        Path truncated = Files.writeString(dir.resolve("cut.json"), "{\"items\":[{\"id\":\"s1\",\"text\":\"Hel");
        Path unknown =
                Files.writeString(dir.resolve("notes.txt"), "Just some prose without speakers.\nAnother line.\n");
        Path shape = Files.writeString(dir.resolve("other.json"), "{\"foo\": 1}");
        Path binary = Files.write(
                dir.resolve("audio.wav"), new byte[] {'R', 'I', 'F', 'F', 0, 0, (byte) 0xff, (byte) 0xfe, 1, 2});
        assertBad(run("summarize", empty.toString()), "empty");
        assertBad(run("summarize", truncated.toString()), "broken or truncated JSON");
        assertBad(run("summarize", unknown.toString()), "unknown format");
        assertBad(run("summarize", shape.toString()), "unknown JSON shape");
        assertBad(run("summarize", binary.toString()), "not a text file");
        assertBad(run("summarize", dir.resolve("missing.txt").toString()), "no such file");
    }

    private static void assertBad(Run r, String why) {
        assertThat(r.code()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).contains(why).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void modelServerOffThisComputerIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("m.txt"), SCRIPT, StandardCharsets.UTF_8);
        Run r = run(
                "summarize",
                "--engine",
                "ollama",
                "--model",
                "llama3.2",
                "--server",
                "http://10.1.2.3:11434",
                f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not on this computer");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void wrongModelFileIsAFailedSummaryWithTheReason() throws Exception {
        Path f = Files.writeString(dir.resolve("m.txt"), SCRIPT);
        Path model = Files.writeString(dir.resolve("model.gguf"), "not a model");
        Run r = run("summarize", "--engine", "llama", "--model", model.toString(), f.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("not a GGUF model");
    }
}
