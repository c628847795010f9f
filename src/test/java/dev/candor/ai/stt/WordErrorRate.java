package dev.candor.ai.stt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate: word-level Levenshtein distance over lower-case alphanumeric tokens. British and
 * American spellings of the same word count as one (the scripts are British, Vosk's lexicon is
 * American); the mapping is applied to reference and hypothesis alike, so it is the same for every
 * voice and engine.
 */
public final class WordErrorRate {
    private WordErrorRate() {}

    /** British spellings in the shared scripts and their American forms. */
    private static final java.util.Map<String, String> SPELLING = java.util.Map.of(
            "licence", "license",
            "licences", "licenses",
            "realise", "realize",
            "realised", "realized",
            "organise", "organize",
            "organised", "organized",
            "colour", "color",
            "centre", "center",
            "programme", "program");

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).replace("'", "").split("[^a-z0-9]+")) {
            if (!t.isEmpty()) {
                out.add(SPELLING.getOrDefault(t, t));
            }
        }
        return out;
    }

    /** Edits (substitutions, insertions, deletions) needed to turn the hypothesis into the reference. */
    public static int edits(List<String> ref, List<String> hyp) {
        int[] prev = new int[hyp.size() + 1];
        int[] cur = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int sub = prev[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[hyp.size()];
    }

    public static double of(String reference, String hypothesis) {
        List<String> ref = tokens(reference);
        if (ref.isEmpty()) {
            return tokens(hypothesis).isEmpty() ? 0 : 1;
        }
        return edits(ref, tokens(hypothesis)) / (double) ref.size();
    }
}
