package dev.candor.ai.summary;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence embeddings from the quantised all-MiniLM-L6-v2 model inside the langchain4j jar (384
 * dimensions, unit length), run on the caller's thread so no pool of its own outlives the engine.
 * The ONNX session is opened here rather than by langchain4j's ready-made model class, so that it
 * runs without ONNX Runtime's memory arena and memory patterns: they keep tens of megabytes of
 * scratch buffers for the largest sentence seen, which a meeting client running speech to text
 * beside it cannot spare, and one sentence at a time does not need them. It runs on one thread.
 */
public final class Embedder {
    static {
        // DJL (under the ONNX tokenizer) otherwise probes the EC2 metadata service and may "call home":
        // nothing may leave the device, so opt out before the model class loads.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSION = 384;

    private final EmbeddingModel model;

    /** Loads MiniLM from the class path (a few hundred milliseconds). */
    public Embedder() {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (InputStream onnx = open(MODEL);
                InputStream tokenizer = open(TOKENIZER);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setInterOpNumThreads(1);
            // One sentence at a time is too little work to share: a second intra-op thread spins
            // waiting and, beside speech to text on two cores, made embedding 2.5x slower.
            options.setIntraOpNumThreads(1);
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            model = new MiniLm(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException("The MiniLM model could not be read", e);
        } catch (OrtException e) {
            throw new IllegalStateException("The MiniLM model could not be loaded: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Embedder.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("MiniLM file " + resource + " is missing from the class path");
        }
        return in;
    }

    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        texts.forEach(t -> segments.add(TextSegment.from(t)));
        List<float[]> out = new ArrayList<>(texts.size());
        model.embedAll(segments).content().forEach(e -> out.add(e.vector()));
        return out;
    }

    /** Cosine similarity; MiniLM vectors are normalised, so this is a dot product. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** langchain4j's in-process model around our own session; embeds on the calling thread. */
    private static final class MiniLm extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        MiniLm(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
