package dev.candor.ai.llm;

import java.io.ByteArrayOutputStream;
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
 * Writes a tiny llama-architecture model as a GGUF v3 file that the llama.cpp bundled by
 * de.kherud:llama 4.1.0 (build b4916) loads: header, key-value metadata (general.architecture =
 * llama, llama.* hyper-parameters, a SentencePiece-style vocabulary under tokenizer.ggml.*), tensor
 * infos, then f32 tensor data aligned to 32 bytes. Embedding 16, two heads, one block, random
 * weights.
 *
 * <p>The vocabulary has the 256 byte tokens ({@code <0x00>}..{@code <0xFF>}) because llama.cpp's
 * SentencePiece tokenizer falls back to them for any character it has no piece for (and looks up
 * the newline byte while loading). The end-of-text token's output row is zero while every other
 * row is random, so greedy decoding practically never picks it and generation runs until stopped.
 */
public final class TinyLlamaModel {
    static final int EMBED = 16;
    static final int HEADS = 2;
    static final int FEED_FORWARD = 32;
    public static final int CONTEXT = 4096;
    private static final int ALIGNMENT = 32;
    private static final String[] WORDS = {
        "the", "budget", "meeting", "next", "week", "we", "agreed", "to", "ship", "plan", "review", "notes", "and", "a"
    };

    private TinyLlamaModel() {}

    public static Path write(Path file, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(2, 3, 3)); // unknown, control, control
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(6); // byte
        }
        tokens.add("\u2581"); // SentencePiece's word-start mark alone
        types.add(1);
        for (char c = 'a'; c <= 'z'; c++) {
            tokens.add(String.valueOf(c));
            types.add(1);
        }
        for (String w : WORDS) {
            tokens.add("\u2581" + w);
            types.add(1);
        }
        int vocab = tokens.size();

        Gguf g = new Gguf();
        g.string("general.architecture", "llama");
        g.string("general.name", "candor-test-tiny");
        g.u32("llama.context_length", CONTEXT);
        g.u32("llama.embedding_length", EMBED);
        g.u32("llama.block_count", 1);
        g.u32("llama.feed_forward_length", FEED_FORWARD);
        g.u32("llama.attention.head_count", HEADS);
        g.u32("llama.attention.head_count_kv", HEADS);
        g.u32("llama.rope.dimension_count", EMBED / HEADS);
        g.f32("llama.rope.freq_base", 10000f);
        g.f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        g.u32("llama.vocab_size", vocab);
        g.string("tokenizer.ggml.model", "llama");
        g.strings("tokenizer.ggml.tokens", tokens);
        float[] scores = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            scores[i] = types.get(i) == 1 ? -i : 0f; // earlier pieces are preferred when merging
        }
        g.floats("tokenizer.ggml.scores", scores);
        g.ints("tokenizer.ggml.token_type", types);
        g.u32("tokenizer.ggml.unknown_token_id", 0);
        g.u32("tokenizer.ggml.bos_token_id", 1);
        g.u32("tokenizer.ggml.eos_token_id", 2);

        g.tensor("token_embd.weight", random(random, EMBED * vocab, 1f), EMBED, vocab);
        g.tensor("output_norm.weight", ones(EMBED), EMBED);
        float[] output = random(random, EMBED * vocab, 1f);
        for (int i = 0; i < EMBED; i++) {
            output[2 * EMBED + i] = 0f; // end of text: logit 0, below the best of the random rows
        }
        g.tensor("output.weight", output, EMBED, vocab);
        g.tensor("blk.0.attn_norm.weight", ones(EMBED), EMBED);
        g.tensor("blk.0.attn_q.weight", random(random, EMBED * EMBED, 0.3f), EMBED, EMBED);
        g.tensor("blk.0.attn_k.weight", random(random, EMBED * EMBED, 0.3f), EMBED, EMBED);
        g.tensor("blk.0.attn_v.weight", random(random, EMBED * EMBED, 0.3f), EMBED, EMBED);
        g.tensor("blk.0.attn_output.weight", random(random, EMBED * EMBED, 0.3f), EMBED, EMBED);
        g.tensor("blk.0.ffn_norm.weight", ones(EMBED), EMBED);
        g.tensor("blk.0.ffn_gate.weight", random(random, EMBED * FEED_FORWARD, 0.3f), EMBED, FEED_FORWARD);
        g.tensor("blk.0.ffn_up.weight", random(random, EMBED * FEED_FORWARD, 0.3f), EMBED, FEED_FORWARD);
        g.tensor("blk.0.ffn_down.weight", random(random, FEED_FORWARD * EMBED, 0.3f), FEED_FORWARD, EMBED);
        try (OutputStream out = Files.newOutputStream(file)) {
            g.writeTo(out);
        }
        return file;
    }

    private static float[] random(Random random, int n, float std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian() * std;
        }
        return v;
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }

    /** GGUF v3 writer: metadata and f32 tensors, little-endian. */
    private static final class Gguf {
        private static final int UINT32 = 4;
        private static final int INT32 = 5;
        private static final int FLOAT32 = 6;
        private static final int STRING = 8;
        private static final int ARRAY = 9;

        private final ByteArrayOutputStream kv = new ByteArrayOutputStream();
        private int kvCount;
        private final ByteArrayOutputStream infos = new ByteArrayOutputStream();
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private int tensorCount;

        void u32(String key, int value) {
            key(key, UINT32);
            put(kv, le(4).putInt(value));
        }

        void f32(String key, float value) {
            key(key, FLOAT32);
            put(kv, le(4).putFloat(value));
        }

        void string(String key, String value) {
            key(key, STRING);
            str(kv, value);
        }

        void strings(String key, List<String> values) {
            key(key, ARRAY);
            put(kv, le(12).putInt(STRING).putLong(values.size()));
            values.forEach(v -> str(kv, v));
        }

        void floats(String key, float[] values) {
            key(key, ARRAY);
            put(kv, le(12).putInt(FLOAT32).putLong(values.length));
            ByteBuffer b = le(4 * values.length);
            b.asFloatBuffer().put(values);
            put(kv, b.position(b.capacity()));
        }

        void ints(String key, List<Integer> values) {
            key(key, ARRAY);
            put(kv, le(12).putInt(INT32).putLong(values.size()));
            ByteBuffer b = le(4 * values.size());
            values.forEach(b::putInt);
            put(kv, b);
        }

        /** ne in ggml order: the fastest-varying dimension first (for a matrix: its row length). */
        void tensor(String name, float[] values, long... ne) {
            tensorCount++;
            while (data.size() % ALIGNMENT != 0) {
                data.write(0);
            }
            str(infos, name);
            ByteBuffer info = le(4 + 8 * ne.length + 4 + 8);
            info.putInt(ne.length);
            for (long n : ne) {
                info.putLong(n);
            }
            info.putInt(0).putLong(data.size()); // type f32, offset within the data section
            put(infos, info);
            ByteBuffer b = le(4 * values.length);
            b.asFloatBuffer().put(values);
            put(data, b.position(b.capacity()));
        }

        void writeTo(OutputStream out) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(new byte[] {'G', 'G', 'U', 'F'});
            put(head, le(20).putInt(3).putLong(tensorCount).putLong(kvCount));
            kv.writeTo(head);
            infos.writeTo(head);
            while (head.size() % ALIGNMENT != 0) {
                head.write(0);
            }
            head.writeTo(out);
            data.writeTo(out);
        }

        private void key(String key, int type) {
            kvCount++;
            str(kv, key);
            put(kv, le(4).putInt(type));
        }

        private static void str(ByteArrayOutputStream to, String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            put(to, le(8).putLong(bytes.length));
            to.write(bytes, 0, bytes.length);
        }

        private static void put(ByteArrayOutputStream to, ByteBuffer b) {
            to.write(b.array(), 0, b.array().length);
        }

        private static ByteBuffer le(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
