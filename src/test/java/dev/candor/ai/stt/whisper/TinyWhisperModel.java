package dev.candor.ai.stt.whisper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a tiny whisper.cpp model file in the legacy ggml layout that whisper.cpp 1.7.1 (the one
 * whisper-jni 1.7.1 bundles) reads in {@code whisper_model_load}: the "lmgg" magic, eleven int32
 * hyper-parameters, the mel filter bank, the vocabulary, then each tensor as (dims, name length,
 * type, sizes, name, data). State 8, one layer each side, random weights (not zero). It is an f16
 * model (ftype 1) like the published ones: with ftype 0 the convolution kernels are f32 too, and
 * ggml's CPU convolution in that version asserts {@code src0->type == GGML_TYPE_F16} and aborts.
 *
 * <p>It keeps the English-only vocabulary size (51864) because whisper.cpp derives its special
 * tokens (end of text, timestamps) from that size, and it writes a text vocabulary with a " "
 * token: whisper.cpp's blank suppression looks that token up with {@code std::map::at}, and a
 * model without it throws {@code std::out_of_range} inside whisper_full, which aborts the JVM.
 * That, not the zero weights, is why the earlier generated model crashed.
 */
public final class TinyWhisperModel {
    static final int VOCAB = 51864; // English-only whisper models
    static final int TEXT_TOKENS = 50256; // ids below the end-of-text token are text
    static final int AUDIO_CTX = 1500;
    static final int TEXT_CTX = 448;
    static final int STATE = 8;
    static final int MELS = 80;
    private static final int FFT_BINS = 201;
    private static final String[] SYLLABLES = {"ba", "do", "ki", "lu", "me", "no", "pa", "ro", "si", "tu"};

    private TinyWhisperModel() {}

    /** Writes the model with weights drawn from {@code seed}; returns its path. */
    public static Path write(Path file, long seed) throws IOException {
        Random random = new Random(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer head = le(4 + 11 * 4 + 8);
            head.putInt(0x67676d6c); // "ggml", written little-endian: "lmgg"
            for (int v : new int[] {VOCAB, AUDIO_CTX, STATE, 1, 1, TEXT_CTX, STATE, 1, 1, MELS, 1}) {
                head.putInt(v); // ..., n_mels, ftype 1: matrices f16, vectors f32
            }
            head.putInt(MELS).putInt(FFT_BINS);
            out.write(head.array());
            float[] filters = new float[MELS * FFT_BINS];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = random.nextFloat() * 0.05f; // a filter bank is non-negative
            }
            out.write(floats(filters));
            writeVocabulary(out);
            for (Tensor t : tensors()) {
                writeTensor(out, t, random);
            }
        }
        return file;
    }

    private static void writeVocabulary(OutputStream out) throws IOException {
        ByteBuffer count = le(4).putInt(TEXT_TOKENS);
        out.write(count.array());
        for (int i = 0; i < TEXT_TOKENS; i++) {
            String word;
            if (i == 0) {
                word = " ";
            } else {
                StringBuilder w = new StringBuilder(" ");
                for (int n = i; n > 0; n /= SYLLABLES.length) {
                    w.append(SYLLABLES[n % SYLLABLES.length]);
                }
                word = w.toString();
            }
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            out.write(le(4).putInt(bytes.length).array());
            out.write(bytes);
        }
    }

    /** A tensor as whisper.cpp names it; ne is ggml's order (fastest-varying first). */
    private record Tensor(String name, Init init, int... ne) {
        /** whisper.cpp stores weight matrices and kernels in the model's type, the rest as f32. */
        boolean half() {
            return init == Init.RANDOM && ne.length > 1 && !name.endsWith("positional_embedding");
        }
    }

    private enum Init {
        RANDOM,
        ONES,
        ZEROS
    }

    private static List<Tensor> tensors() {
        int s = STATE;
        List<Tensor> t = new ArrayList<>();
        t.add(new Tensor("encoder.positional_embedding", Init.RANDOM, s, AUDIO_CTX));
        t.add(new Tensor("encoder.conv1.weight", Init.RANDOM, 3, MELS, s));
        t.add(new Tensor("encoder.conv1.bias", Init.ZEROS, 1, s));
        t.add(new Tensor("encoder.conv2.weight", Init.RANDOM, 3, s, s));
        t.add(new Tensor("encoder.conv2.bias", Init.ZEROS, 1, s));
        t.add(new Tensor("encoder.ln_post.weight", Init.ONES, s));
        t.add(new Tensor("encoder.ln_post.bias", Init.ZEROS, s));
        t.add(new Tensor("decoder.positional_embedding", Init.RANDOM, s, TEXT_CTX));
        t.add(new Tensor("decoder.token_embedding.weight", Init.RANDOM, s, VOCAB));
        t.add(new Tensor("decoder.ln.weight", Init.ONES, s));
        t.add(new Tensor("decoder.ln.bias", Init.ZEROS, s));
        for (String side : List.of("encoder", "decoder")) {
            String b = side + ".blocks.0.";
            t.add(new Tensor(b + "mlp_ln.weight", Init.ONES, s));
            t.add(new Tensor(b + "mlp_ln.bias", Init.ZEROS, s));
            t.add(new Tensor(b + "mlp.0.weight", Init.RANDOM, s, 4 * s));
            t.add(new Tensor(b + "mlp.0.bias", Init.ZEROS, 4 * s));
            t.add(new Tensor(b + "mlp.2.weight", Init.RANDOM, 4 * s, s));
            t.add(new Tensor(b + "mlp.2.bias", Init.ZEROS, s));
            List<String> attentions = side.equals("encoder") ? List.of("attn") : List.of("attn", "cross_attn");
            for (String a : attentions) {
                t.add(new Tensor(b + a + "_ln.weight", Init.ONES, s));
                t.add(new Tensor(b + a + "_ln.bias", Init.ZEROS, s));
                for (String w : List.of("query", "key", "value", "out")) {
                    t.add(new Tensor(b + a + "." + w + ".weight", Init.RANDOM, s, s));
                    if (!w.equals("key")) {
                        t.add(new Tensor(b + a + "." + w + ".bias", Init.ZEROS, s));
                    }
                }
            }
        }
        return t;
    }

    private static void writeTensor(OutputStream out, Tensor t, Random random) throws IOException {
        byte[] name = t.name().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer h = le(12 + 4 * t.ne().length);
        h.putInt(t.ne().length).putInt(name.length).putInt(t.half() ? 1 : 0); // 1: f16, 0: f32
        int elements = 1;
        for (int n : t.ne()) {
            h.putInt(n);
            elements *= n;
        }
        out.write(h.array());
        out.write(name);
        float[] data = new float[elements];
        for (int i = 0; i < elements; i++) {
            data[i] = switch (t.init()) {
                case RANDOM -> (float) (random.nextGaussian() * 0.5);
                case ONES -> 1f;
                case ZEROS -> 0f;
            };
        }
        out.write(t.half() ? halves(data) : floats(data));
    }

    /** IEEE 754 half precision, round to nearest; enough for the small normal numbers written here. */
    private static byte[] halves(float[] values) {
        ByteBuffer b = le(values.length * 2);
        for (float v : values) {
            int bits = Float.floatToIntBits(v);
            int sign = (bits >>> 16) & 0x8000;
            int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
            int mantissa = bits & 0x7fffff;
            short half;
            if (exponent <= 0) {
                half = (short) sign; // below half's normal range: zero
            } else if (exponent >= 31) {
                half = (short) (sign | 0x7bff); // clamp to the largest finite half
            } else {
                int rounded = (exponent << 10 | mantissa >>> 13) + ((mantissa >>> 12) & 1);
                half = (short) (sign | Math.min(rounded, 0x7bff));
            }
            b.putShort(half);
        }
        return b.array();
    }

    private static byte[] floats(float[] values) {
        ByteBuffer b = le(values.length * 4);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
