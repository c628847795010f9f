package dev.candor.ai.llm;

import dev.candor.ai.MeetingItem;
import dev.candor.ai.summary.Embedder;
import dev.candor.ai.summary.EnglishText;
import dev.candor.ai.summary.SpeechCleaner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a model's summary line against the meeting items it cites: the ids must exist, and the
 * line must share its meaning (MiniLM similarity) and its key words (stem overlap) with them. A
 * line that fails is kept only as "unverified", never as fact.
 */
final class Verifier {
    static final double MIN_SIMILARITY = 0.45;
    static final double MIN_KEYWORD_SHARE = 0.5;
    private static final Set<String> GENERIC = Set.of(
            "the",
            "a",
            "an",
            "and",
            "or",
            "to",
            "of",
            "in",
            "on",
            "for",
            "by",
            "with",
            "at",
            "is",
            "are",
            "was",
            "were",
            "be",
            "will",
            "would",
            "should",
            "can",
            "could",
            "that",
            "this",
            "it",
            "they",
            "them",
            "their",
            "he",
            "she",
            "his",
            "her",
            "we",
            "our",
            "i",
            "you",
            "said",
            "says",
            "group",
            "team",
            "discussed",
            "agreed",
            "decided",
            "proposed",
            "asked",
            "mentioned",
            "noted",
            "suggested",
            "about",
            "from",
            "as",
            "has",
            "have",
            "had",
            "do",
            "does",
            "did",
            "not",
            "no",
            "yes",
            "so",
            "also",
            "then",
            "there",
            "which",
            "who",
            "what",
            "when",
            "meeting",
            "due",
            "whether",
            "need",
            "needs");

    private final Map<String, MeetingItem> byId = new HashMap<>();
    private final Map<String, String> cleaned = new HashMap<>();
    private final Map<String, float[]> vectors = new HashMap<>();
    private final Embedder embedder;
    private final EnglishText english;
    private final SpeechCleaner cleaner = new SpeechCleaner();

    Verifier(List<MeetingItem> items, Embedder embedder, EnglishText english) {
        this.embedder = embedder;
        this.english = english;
        items.forEach(i -> byId.put(i.id(), i));
    }

    /** The cited ids that exist, in order. */
    List<String> known(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (byId.containsKey(id) && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** True when every cited id exists and the line is supported by them in meaning and key words. */
    boolean supports(String line, List<String> cited, String owner) {
        List<String> ids = known(cited);
        if (ids.isEmpty() || ids.size() < cited.size() || line.isBlank()) {
            return false;
        }
        StringBuilder all = new StringBuilder();
        double best = 0;
        float[] v = embedder.embed(line);
        boolean ownerSeen = owner == null || owner.isBlank();
        for (String id : ids) {
            MeetingItem item = byId.get(id);
            String text = cleaned.computeIfAbsent(id, k -> cleaner.clean(item.text()));
            all.append(item.speaker()).append(' ').append(text).append(' ');
            best = Math.max(best, Embedder.cosine(v, vectors.computeIfAbsent(id, k -> embedder.embed(text))));
            if (!ownerSeen) {
                String o = owner.toLowerCase(Locale.ROOT);
                ownerSeen = item.speaker().toLowerCase(Locale.ROOT).contains(o)
                        || text.toLowerCase(Locale.ROOT).contains(o);
            }
        }
        Set<String> need = stems(line);
        Set<String> have = stems(all.toString());
        double share = need.isEmpty() ? 0 : (double) intersect(need, have) / need.size();
        return ownerSeen && best >= MIN_SIMILARITY && share >= MIN_KEYWORD_SHARE;
    }

    private Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 1 && !GENERIC.contains(w)) {
                out.add(english.stem(w));
            }
        }
        return out;
    }

    private static int intersect(Set<String> a, Set<String> b) {
        int n = 0;
        for (String s : a) {
            if (b.contains(s)) {
                n++;
            }
        }
        return n;
    }
}
