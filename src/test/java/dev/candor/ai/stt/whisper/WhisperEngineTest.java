package dev.candor.ai.stt.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.stt.RecognisedWord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * whisper-jni wiring. No real whisper model is available offline: these tests load a generated
 * weightless model through the natives and check that files which are not a usable model are
 * refused with a clear error before any engine exists.
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
     * The wiring down to whisper.cpp: the native library loads from the whisper-jni jar and accepts a
     * generated weightless model (whisper.cpp allows one "for testing"). Transcribing with it is not
     * tried: with no weights ggml aborts the JVM, which is exactly why {@link WhisperEngine#load}
     * refuses such a file (previous test).
     */
    @Test
    void generatedWeightlessModelLoadsThroughWhisperJniNatives() throws Exception {
        Path model = generatedEmptyModel(dir);
        try (WhisperEngine engine = WhisperEngine.load(model, 1, false)) {
            assertThat(engine.describe()).isEqualTo("whisper.cpp, ggml-generated-empty.bin");
        }
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
