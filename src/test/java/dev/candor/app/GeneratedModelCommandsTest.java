package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.llm.TinyLlamaModel;
import dev.candor.ai.stt.SpeechFixtures;
import dev.candor.ai.stt.whisper.TinyWhisperModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor transcribe} and {@code candor summarize} run as a user runs them (a fresh JVM
 * through {@link Main}) with tiny models the tests generate: the native engines load, the command
 * finishes and exits, and standard output holds only the command's JSON (the native libraries'
 * own prints must not end up there).
 */
class GeneratedModelCommandsTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    Run candor(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("candor did not exit: " + Files.readString(err));
        }
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void transcribeWithAGeneratedTinyWhisperModelPrintsTimedSegmentsAsJson() throws Exception {
        Path model = TinyWhisperModel.write(dir.resolve("ggml-generated-tiny.bin"), 5);
        Path wav = SpeechFixtures.voice("awb", "Good morning everyone, thanks for joining the review.", dir);
        Run run = candor(
                "transcribe",
                wav.toString(),
                "--engine",
                "whisper",
                "--model",
                model.toString(),
                "--format",
                "json",
                "--data-dir",
                dir.resolve("data").toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("engine").asText()).isEqualTo("whisper.cpp, ggml-generated-tiny.bin");
        long duration = doc.path("durationMs").asLong();
        assertThat(doc.path("segments")).isNotEmpty();
        for (JsonNode s : doc.path("segments")) {
            assertThat(s.path("startMs").asLong()).isBetween(0L, duration);
            assertThat(s.path("endMs").asLong()).isBetween(s.path("startMs").asLong(), duration);
            assertThat(s.path("text").asText()).isNotBlank();
        }
    }

    @Test
    void summarizeWithAGeneratedTinyGgufModelSaysItsAnswerHeldNoJsonAndKeepsStdoutPureJson() throws Exception {
        Path model = TinyLlamaModel.write(dir.resolve("candor-generated-tiny.gguf"), 3);
        Path meeting = Files.writeString(
                dir.resolve("meeting.txt"),
                "ANA: Let's move the launch to May.\nBEN: I will send the budget by Friday.\n",
                StandardCharsets.UTF_8);
        Run run = candor(
                "summarize",
                meeting.toString(),
                "--engine",
                "llama",
                "--model",
                model.toString(),
                "--context",
                "2048",
                "--format",
                "json");
        // Random weights write gibberish, never the JSON the summariser asks for: a failed summary
        // (exit 3) with a clear reason, produced by the real model run.
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("engine").asText()).isEqualTo("llama:candor-generated-tiny.gguf");
        assertThat(doc.path("status").asText()).isEqualTo("failed");
        assertThat(doc.path("message").asText()).contains("held no JSON");
        assertThat(run.out()).doesNotContain("Extracted").startsWith("{");
        assertThat(run.err()).doesNotContain("slot update_slots");
    }
}
