package dev.candor.ai.summary;

import java.util.List;
import java.util.Set;

/**
 * One cleaned sentence of one meeting item, with what the summariser computed for it once: tokens,
 * part-of-speech tags, content-word stems and (for sentences long enough to matter) a MiniLM
 * embedding. Kept per item so "so far" summaries and the final one reuse the work.
 */
record Utterance(
        String itemId,
        int turn,
        int position,
        String speaker,
        String text,
        String[] tokens,
        String[] tags,
        Set<String> stems,
        List<String> contentWords,
        float[] embedding) {

    String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    boolean isQuestion() {
        return text.endsWith("?");
    }

    int wordCount() {
        int n = 0;
        for (String t : tokens) {
            if (Character.isLetterOrDigit(t.charAt(0))) {
                n++;
            }
        }
        return n;
    }
}
