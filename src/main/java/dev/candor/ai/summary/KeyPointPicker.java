package dev.candor.ai.summary;

import dev.candor.ai.SummaryPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the key points: splits the meeting into topics where the MiniLM embeddings of
 * neighbouring sentences drift apart (TextTiling on embeddings), names each topic by its
 * distinctive words, and retells the sentences most central to each topic, skipping near-repeats.
 */
final class KeyPointPicker {
    private static final int WINDOW = 6;
    private static final int MIN_WORDS = 6;
    private static final double REPEAT = 0.86;

    private final Retelling retelling;

    // What earlier calls worked out, reused while the meeting only grows: the candidate sentences,
    // their topic nouns and retold lines, and the similarity at each gap whose windows are complete.
    private int turnsSeen;
    private int words;
    private final List<Utterance> cands = new ArrayList<>();
    private final List<String[]> nouns = new ArrayList<>();
    private final List<String> retold = new ArrayList<>();
    private double[] sims = new double[64];
    private int simsStable;

    KeyPointPicker(Retelling retelling) {
        this.retelling = retelling;
    }

    /**
     * The key points of the meeting so far. Called again with the same turns and more, it reads
     * only the new turns and recomputes only what the new sentences can change; the result is the
     * same as a fresh picker's on the whole list.
     */
    List<SummaryPoint> pick(List<Turn> turns) {
        if (turns.size() < turnsSeen) {
            reset();
        }
        for (int t = turnsSeen; t < turns.size(); t++) {
            for (Utterance u : turns.get(t).sentences()) {
                words += u.wordCount();
                if (u.embedding() != null && u.wordCount() >= MIN_WORDS && !SpeechCleaner.isBackchannel(u.text())) {
                    cands.add(u);
                    nouns.add(topicNouns(u));
                    retold.add(null);
                }
            }
        }
        turnsSeen = turns.size();
        if (cands.isEmpty()) {
            return List.of();
        }
        int topics = Math.max(1, Math.min(14, words / 650));
        List<int[]> segments = segments(topics);
        Map<String, Integer> topicFreq = new HashMap<>();
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int[] seg : segments) {
            Map<String, Integer> c = new HashMap<>();
            for (int i = seg[0]; i < seg[1]; i++) {
                for (String w : nouns.get(i)) {
                    c.merge(w, 1, Integer::sum);
                }
            }
            c.keySet().forEach(w -> topicFreq.merge(w, 1, Integer::sum));
            counts.add(c);
        }
        int perTopic = Math.max(2, Math.min(5, (int) Math.round(words / (double) topics / 220.0)));
        List<SummaryPoint> out = new ArrayList<>();
        List<float[]> chosen = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            int from = segments.get(s)[0];
            int to = segments.get(s)[1];
            List<Utterance> seg = cands.subList(from, to);
            List<String> keywords = keywords(counts.get(s), topicFreq, segments.size());
            if (!keywords.isEmpty() && seg.size() >= 3) {
                out.add(SummaryPoint.grounded(
                        "The group discussed " + join(keywords) + ".", sourcesFor(seg, keywords)));
            }
            float[] centroid = mean(cands, from, to);
            double[] scores = new double[to - from];
            Integer[] ranked = new Integer[to - from];
            for (int i = from; i < to; i++) {
                scores[i - from] = score(cands.get(i), centroid);
                ranked[i - from] = i;
            }
            // A stable sort by score, as sorting the sentences themselves would give.
            java.util.Arrays.sort(ranked, Comparator.comparingDouble((Integer i) -> -scores[i - from]));
            List<Integer> picked = new ArrayList<>();
            for (int i : ranked) {
                if (picked.size() >= perTopic) {
                    break;
                }
                Utterance u = cands.get(i);
                boolean repeat = false;
                for (float[] c : chosen) {
                    if (Embedder.cosine(c, u.embedding()) > REPEAT) {
                        repeat = true;
                        break;
                    }
                }
                if (!repeat) {
                    picked.add(i);
                    chosen.add(u.embedding());
                }
            }
            // Candidates are in meeting order, so their index orders them by turn and position.
            picked.sort(Integer::compare);
            for (int i : picked) {
                String line = retold.get(i);
                if (line == null) {
                    line = retelling.keyPoint(cands.get(i));
                    retold.set(i, line);
                }
                if (!line.isEmpty()) {
                    out.add(SummaryPoint.grounded(line, List.of(cands.get(i).itemId())));
                }
            }
        }
        return out;
    }

    private void reset() {
        turnsSeen = 0;
        words = 0;
        cands.clear();
        nouns.clear();
        retold.clear();
        simsStable = 0;
    }

    /** The nouns of a sentence that can name its topic, in order, with repeats. */
    private static String[] topicNouns(Utterance u) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < u.tokens().length; i++) {
            String w = Words.lower(u.tokens()[i]);
            if (u.tags()[i].startsWith("NN")
                    && Words.isContent(w)
                    && w.length() > 2
                    && Character.isLetter(w.charAt(0))) {
                out.add(w);
            }
        }
        return out.toArray(String[]::new);
    }

    private static double score(Utterance u, float[] centroid) {
        // Central to its topic, and with enough content words to say something on its own.
        double length = Math.min(1.0, u.contentWords().size() / 8.0);
        return Embedder.cosine(u.embedding(), centroid) + 0.15 * length;
    }

    private static List<String> keywords(Map<String, Integer> counts, Map<String, Integer> topicFreq, int topics) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e -> e.getValue() < 2);
        entries.sort(Comparator.comparingDouble((Map.Entry<String, Integer> e) ->
                -e.getValue() * Math.log(1.0 + topics / (double) topicFreq.get(e.getKey()))));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : entries) {
            if (out.size() == 3) {
                break;
            }
            out.add(e.getKey());
        }
        return out;
    }

    private static List<String> sourcesFor(List<Utterance> seg, List<String> keywords) {
        Set<String> ids = new LinkedHashSet<>();
        for (String k : keywords) {
            for (Utterance u : seg) {
                if (u.contentWords().contains(k)) {
                    ids.add(u.itemId());
                    break;
                }
            }
        }
        return List.copyOf(ids);
    }

    private static String join(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /**
     * Splits the candidates at the {@code topics - 1} deepest dips in similarity between
     * neighbouring windows; returns {@code [from, to)} index ranges. The similarity at a gap
     * depends only on the {@link #WINDOW} sentences either side, so it is computed once those exist.
     */
    private List<int[]> segments(int topics) {
        int n = cands.size();
        List<int[]> out = new ArrayList<>();
        if (topics <= 1 || n < 2 * WINDOW) {
            out.add(new int[] {0, n});
            return out;
        }
        if (sims.length < n) {
            sims = java.util.Arrays.copyOf(sims, Math.max(n, sims.length * 2));
        }
        double[] sim = sims;
        int firstUnstable = Math.max(1, simsStable + 1);
        for (int gap = firstUnstable; gap < n; gap++) {
            sim[gap] = Embedder.cosine(
                    mean(cands, Math.max(0, gap - WINDOW), gap), mean(cands, gap, Math.min(n, gap + WINDOW)));
        }
        simsStable = Math.max(simsStable, n - WINDOW);
        double[] depth = new double[n];
        for (int gap = 1; gap < n; gap++) {
            double left = sim[gap];
            for (int i = gap - 1; i >= Math.max(1, gap - WINDOW); i--) {
                left = Math.max(left, sim[i]);
            }
            double right = sim[gap];
            for (int i = gap + 1; i < Math.min(n, gap + WINDOW); i++) {
                right = Math.max(right, sim[i]);
            }
            depth[gap] = (left - sim[gap]) + (right - sim[gap]);
        }
        int minGap = Math.max(WINDOW, n / (topics * 2));
        List<Integer> cuts = new ArrayList<>();
        Integer[] order = new Integer[n - 1];
        for (int i = 0; i < n - 1; i++) {
            order[i] = i + 1;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer g) -> -depth[g]));
        for (int g : order) {
            if (cuts.size() == topics - 1) {
                break;
            }
            if (g < minGap || n - g < minGap) {
                continue;
            }
            boolean far = true;
            for (int c : cuts) {
                if (Math.abs(c - g) < minGap) {
                    far = false;
                    break;
                }
            }
            if (far) {
                cuts.add(g);
            }
        }
        cuts.sort(Integer::compare);
        int start = 0;
        for (int c : cuts) {
            out.add(new int[] {start, c});
            start = c;
        }
        out.add(new int[] {start, n});
        return out;
    }

    private static float[] mean(List<Utterance> us, int from, int to) {
        float[] m = new float[us.get(0).embedding().length];
        for (int i = from; i < to; i++) {
            float[] e = us.get(i).embedding();
            for (int d = 0; d < m.length; d++) {
                m[d] += e[d];
            }
        }
        return m;
    }
}
