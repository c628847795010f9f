package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.stt.SpeechFixtures;
import dev.candor.ai.stt.WordErrorRate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscribeCommandTest {
    @TempDir
    static Path dir;

    static Path speech;
    static String said;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void voice() throws Exception {
        said = String.join(" ", SpeechFixtures.scriptLines("budget-review").subList(0, 2));
        speech = SpeechFixtures.voice("rms", said, dir);
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    String dataDir() {
        return dir.resolve("data").toString();
    }

    @Test
    void transcribesAWavFileAsJsonWithSegmentsAndWordTimes() throws Exception {
        Result r = run("transcribe", "--format", "json", "--data-dir", dataDir(), speech.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("engine").asText()).isEqualTo("Vosk, vosk-model-small-en-us-0.15");
        JsonNode segments = doc.path("segments");
        assertThat(segments.size()).isPositive();
        StringBuilder text = new StringBuilder();
        segments.forEach(s -> text.append(s.path("text").asText()).append(' '));
        assertThat(WordErrorRate.of(said, text.toString())).isLessThan(0.2);
        JsonNode word = segments.get(0).path("words").get(0);
        assertThat(word.path("endMs").asLong())
                .isGreaterThan(word.path("startMs").asLong());
    }

    @Test
    void transcribesResampledStereoAudioAsTextAndSaysItConverted() throws Exception {
        Path stereo = dir.resolve("stereo-44k.wav");
        new ProcessBuilder("sox", speech.toString(), "-r", "44100", "-c", "2", stereo.toString())
                .inheritIO()
                .start()
                .waitFor();
        Result r = run("transcribe", "--data-dir", dataDir(), stereo.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("converting 44100 Hz, 2 channel(s) to 16000 Hz mono");
        assertThat(r.out()).startsWith("[0:00:00.");
        assertThat(WordErrorRate.of(said, r.out().replaceAll("\\[[^]]*]", ""))).isLessThan(0.25);
    }

    @Test
    void badFilesGetOneClearLineAndANonZeroExitCode() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are meeting notes, not audio\n");
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        byte[] wav = Files.readAllBytes(speech);
        Path truncated = Files.write(dir.resolve("truncated.wav"), Arrays.copyOf(wav, wav.length / 3));
        Path headerOnly = Files.write(dir.resolve("header-only.wav"), Arrays.copyOf(wav, 44));

        assertBad(run("transcribe", "--data-dir", dataDir(), text.toString()), "not an audio file");
        assertBad(run("transcribe", "--data-dir", dataDir(), empty.toString()), "the file is empty");
        assertBad(run("transcribe", "--data-dir", dataDir(), truncated.toString()), "truncated");
        assertBad(run("transcribe", "--data-dir", dataDir(), headerOnly.toString()), "no audio");
        assertBad(
                run(
                        "transcribe",
                        "--data-dir",
                        dataDir(),
                        dir.resolve("missing.wav").toString()),
                "no such file");
    }

    @Test
    void aModelThatCannotBeUsedIsReportedWithExitCodeThree() throws Exception {
        Path notAModel = Files.createDirectories(dir.resolve("not-a-model"));
        Result r = run("transcribe", "--data-dir", dataDir(), "--model", notAModel.toString(), speech.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("not a complete Vosk speech model");
        Result w = run("transcribe", "--data-dir", dataDir(), "--engine", "whisper", speech.toString());
        assertThat(w.code()).isEqualTo(3);
        assertThat(w.err()).contains("No whisper model is installed");
        Result n = run("transcribe", "--data-dir", dataDir(), "--model", "whisper-base.en", speech.toString());
        assertThat(n.code()).isEqualTo(3);
        assertThat(n.err()).contains("is not installed");
    }

    private static void assertBad(Result r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(message);
    }
}
