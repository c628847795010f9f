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
 * tiny model through the natives and check that files which are not a usable model are refused
 * with a clear error before any engine exists.
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
     * A complete whisper.cpp model with every tensor whisper.cpp expects, tiny (state 8, one layer
     * each side) and all weights zero: valid to load and run, meaningless to listen to.
     */
    static Path generatedZeroModel(Path dir) throws Exception {
        int vocab = 51864;
        int audioCtx = 1500;
        int state = 8;
        int textCtx = 448;
        int mels = 80;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        ByteBuffer head = ByteBuffer.allocate(4 + 11 * 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(0x67676d6c);
        for (int v : new int[] {vocab, audioCtx, state, 1, 1, textCtx, state, 1, 1, mels, 1}) {
            head.putInt(v);
        }
        head.putInt(mels).putInt(201);
        out.write(head.array());
        out.write(new byte[mels * 201 * 4]); // mel filters
        out.write(new byte[4]); // no vocabulary entries
        List<Object[]> tensors = new ArrayList<>();
        tensors.add(new Object[] {"encoder.positional_embedding", 0, new int[] {state, audioCtx}});
        tensors.add(new Object[] {"encoder.conv1.weight", 1, new int[] {3, mels, state}});
        tensors.add(new Object[] {"encoder.conv1.bias", 0, new int[] {1, state}});
        tensors.add(new Object[] {"encoder.conv2.weight", 1, new int[] {3, state, state}});
        tensors.add(new Object[] {"encoder.conv2.bias", 0, new int[] {1, state}});
        tensors.add(new Object[] {"encoder.ln_post.weight", 0, new int[] {state}});
        tensors.add(new Object[] {"encoder.ln_post.bias", 0, new int[] {state}});
        tensors.add(new Object[] {"decoder.positional_embedding", 0, new int[] {state, textCtx}});
        tensors.add(new Object[] {"decoder.token_embedding.weight", 1, new int[] {state, vocab}});
        tensors.add(new Object[] {"decoder.ln.weight", 0, new int[] {state}});
        tensors.add(new Object[] {"decoder.ln.bias", 0, new int[] {state}});
        List<String> attention = new ArrayList<>(List.of("attn"));
        for (String side : List.of("encoder", "decoder")) {
            if (side.equals("decoder")) {
                attention.add("cross_attn");
            }
            String b = side + ".blocks.0.";
            tensors.add(new Object[] {b + "mlp_ln.weight", 0, new int[] {state}});
            tensors.add(new Object[] {b + "mlp_ln.bias", 0, new int[] {state}});
            tensors.add(new Object[] {b + "mlp.0.weight", 1, new int[] {state, 4 * state}});
            tensors.add(new Object[] {b + "mlp.0.bias", 0, new int[] {4 * state}});
            tensors.add(new Object[] {b + "mlp.2.weight", 1, new int[] {4 * state, state}});
            tensors.add(new Object[] {b + "mlp.2.bias", 0, new int[] {state}});
            for (String a : attention) {
                tensors.add(new Object[] {b + a + "_ln.weight", 0, new int[] {state}});
                tensors.add(new Object[] {b + a + "_ln.bias", 0, new int[] {state}});
                for (String w : List.of("query", "key", "value", "out")) {
                    tensors.add(new Object[] {b + a + "." + w + ".weight", 1, new int[] {state, state}});
                    if (!w.equals("key")) {
                        tensors.add(new Object[] {b + a + "." + w + ".bias", 0, new int[] {state}});
                    }
                }
            }
        }
        for (Object[] t : tensors) {
            byte[] name = ((String) t[0]).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int type = (Integer) t[1];
            int[] ne = (int[]) t[2];
            ByteBuffer h = ByteBuffer.allocate(12 + 4 * ne.length).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(ne.length).putInt(name.length).putInt(type);
            long elements = 1;
            for (int n : ne) {
                h.putInt(n);
                elements *= n;
            }
            out.write(h.array());
            out.write(name);
            out.write(new byte[(int) (elements * (type == 0 ? 4 : 2))]);
        }
        out.flush();
        return Files.write(dir.resolve("ggml-generated-zero.bin"), bytes.toByteArray());
    }

    /**
     * The wiring down to whisper.cpp with a model the test generates: the natives load from the
     * whisper-jni jar, the file passes the engine's checks, whisper.cpp accepts every tensor, and a
     * recogniser (whisper state) opens and closes. Transcribing with this zero-weight model is not
     * tried: ggml aborts the JVM on it (exit 134, measured), so real transcription needs a real model.
     */
    @Test
    void generatedTinyZeroWeightModelLoadsThroughWhisperJniAndOpensARecogniser() throws Exception {
        Path model = generatedZeroModel(dir);
        try (WhisperEngine engine = WhisperEngine.load(model, 1)) {
            assertThat(engine.describe()).isEqualTo("whisper.cpp, ggml-generated-zero.bin");
            try (var recogniser = engine.newRecogniser()) {
                assertThat(recogniser.partialsEnabled()).isFalse();
                assertThat(recogniser.endUtterance())
                        .as("nothing heard, nothing run")
                        .isEmpty();
            }
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
