package dev.candor.ai.summary;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence embeddings from the quantised all-MiniLM-L6-v2 model inside the langchain4j jar (384
 * dimensions, unit length), run on the caller's thread so no pool of its own outlives the engine.
 */
public final class Embedder {
    static {
        // DJL (under the ONNX tokenizer) otherwise probes the EC2 metadata service and may "call home":
        // nothing may leave the device, so opt out before the model class loads.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);

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
}
