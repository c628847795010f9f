package dev.candor.ai.stt.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.ai.ForkedJvm;
import dev.candor.ai.SpeakerStream;
import dev.candor.ai.SpeechHealth;
import dev.candor.ai.SpeechStream;
import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.StreamMode;
import dev.candor.ai.TranscriptSegment;
import dev.candor.ai.stt.AudioFileReader;
import dev.candor.ai.stt.RecognisedWord;
import dev.candor.ai.stt.SpeechFixtures;
import dev.candor.ai.stt.StreamingSpeechToText;
import dev.candor.ai.stt.TranscriptCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * whisper-jni wiring. No real whisper model is available offline: these tests transcribe with a
 * tiny model they generate ({@link TinyWhisperModel}) and check that files which are not a usable
 * model are refused with a clear error before any engine exists.
 */
class WhisperEngineTest {
    @TempDir
    Path dir;

    @Test
    void missingModelFileGivesAClearError() {
        assertThatThrownBy(() -> WhisperEngine.load(dir.resolve("ggml-base.en.bin"), 2))
                .isInstanceOf(SpeechToTextException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void fileThatIsNotAWhisperModelIsRefusedBeforeLoading() throws Exception {
        Path wav = Files.write(dir.resolve("meeting.bin"), "RIFF....WAVEfmt ".getBytes());
        assertThatThrownBy(() -> WhisperEngine.load(wav, 2))
                .isInstanceOf(SpeechToTextException.class)
                .hasMessageContaining("is not a whisper.cpp model");
    }

    @Test
    void truncatedModelWithTheRightMagicLoadsTheNativeLibraryAndIsReportedDamaged() throws Exception {
        // A generated model header (hyper-parameters of a tiny model) cut off before its tensors.
        ByteBuffer b = ByteBuffer.allocate(4 + 11 * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x67676d6c);
        for (int v : new int[] {51864, 1500, 8, 1, 1, 448, 8, 1, 1, 80, 0}) {
            b.putInt(v);
        }
        Path model = Files.write(dir.resolve("ggml-generated-truncated.bin"), b.array());
        assertThatThrownBy(() -> WhisperEngine.load(model, 1))
                .isInstanceOf(SpeechToTextException.class)
                .hasMessageContaining("damaged");
    }

    static Path generatedEmptyModel(Path dir) throws Exception {
        int[] hparams = {51864, 1500, 8, 1, 1, 448, 8, 1, 1, 80, 1}; // ftype 1: f16 weights
        ByteBuffer b = ByteBuffer.allocate(4 + hparams.length * 4 + 8 + 80 * 201 * 4 + 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x67676d6c);
        for (int v : hparams) {
            b.putInt(v);
        }
        b.putInt(80).putInt(201); // mel filters, all zero
        b.position(b.position() + 80 * 201 * 4);
        b.putInt(0); // no vocabulary entries: whisper.cpp fills in its special tokens
        return Files.write(dir.resolve("ggml-generated-empty.bin"), b.array());
    }

    @Test
    void generatedEmptyModelIsRefusedAsDamagedByTheSizeCheck() throws Exception {
        Path model = generatedEmptyModel(dir);
        assertThatThrownBy(() -> WhisperEngine.load(model, 1))
                .isInstanceOf(SpeechToTextException.class)
                .hasMessageContaining("damaged");
    }

    /**
     * A real transcription end to end with a model the test generates ({@link TinyWhisperModel}:
     * state 8, random weights): flite speech goes through the voice-activity detector into
     * whisper.cpp and comes back as timed segments. The words are gibberish from a made-up
     * vocabulary; what is checked is the wiring: segments with times inside the audio, no crash,
     * clean close.
     */
    @Test
    void generatedTinyRandomWhisperModelTranscribesSpeechIntoTimedSegments() throws Exception {
        Path model = TinyWhisperModel.write(dir.resolve("ggml-generated-tiny.bin"), 7);
        Path wav = SpeechFixtures.voice("slt", "Let us look at the budget for the next quarter.", dir);
        short[] pcm = AudioFileReader.read(wav).samples();
        long durationMs = pcm.length / 16;
        TranscriptCollector out = new TranscriptCollector();
        SpeechHealth end;
        try (StreamingSpeechToText stt =
                new StreamingSpeechToText(WhisperEngine.load(model, 1), StreamingSpeechToText.Settings.defaults())) {
            assertThat(stt.describe()).contains("whisper.cpp, ggml-generated-tiny.bin");
            SpeechStream stream = stt.open(new SpeakerStream("ana", "Ana", 2_000), StreamMode.FILE, out);
            for (int i = 0; i < pcm.length; i += 1600) {
                stream.accept(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 1600)));
            }
            end = stream.finish().get(60, TimeUnit.SECONDS);
        }
        assertThat(end.droppedMs()).isZero();
        assertThat(out.segments).isNotEmpty();
        for (TranscriptSegment s : out.segments) {
            assertThat(s.speakerId()).isEqualTo("ana");
            assertThat(s.text()).isNotBlank();
            assertThat(s.words()).isNotEmpty();
            assertThat(s.startMs()).isBetween(2_000L, 2_000L + durationMs);
            assertThat(s.endMs()).isBetween(s.startMs(), 2_000L + durationMs);
        }
    }

    /**
     * The same generated model in a JVM of its own whose main returns without System.exit: the JVM
     * ends by itself after the engine is closed, so whisper.cpp leaves no thread behind.
     */
    @Test
    void generatedTinyWhisperModelRunInAForkedJvmLeavesNothingRunningAtExit() throws Exception {
        Path model = TinyWhisperModel.write(dir.resolve("ggml-generated-tiny.bin"), 11);
        Path wav = SpeechFixtures.voice("rms", "Thanks everyone, see you next week.", dir);
        ForkedJvm.Outcome run = ForkedJvm.run(TinyWhisperRun.class, dir, 90, model.toString(), wav.toString());
        assertThat(run.exitedByItself()).as(run.output()).isTrue();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SEGMENTS ").contains("CLOSED");
        assertThat(run.output()).doesNotContain("SEGMENTS 0");
    }

    @Test
    void segmentTimeIsSpreadOverItsWordsAndAnnotationsAreDropped() {
        List<RecognisedWord> words = new ArrayList<>();
        WhisperEngine.spread("Hello there, [BLANK_AUDIO] world.", 1000, 2000, words);
        assertThat(words).extracting(RecognisedWord::text).containsExactly("Hello", "there,", "world.");
        assertThat(words.get(0).startMs()).isEqualTo(1000);
        assertThat(words.get(2).endMs()).isLessThanOrEqualTo(2000);
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).startMs())
                    .isGreaterThanOrEqualTo(words.get(i - 1).endMs());
        }
    }
}
