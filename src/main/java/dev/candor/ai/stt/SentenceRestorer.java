package dev.candor.ai.stt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Restores sentences in lower-case, unpunctuated recogniser output (the Vosk small model gives
 * neither): a pause between two words long enough ends a sentence, a run-on sentence is split at its
 * longest pause, sentence starts and "I", "I'm"... are capitalised, and a sentence opening with a
 * question word gets a question mark. Text that already carries punctuation (whisper.cpp) keeps it.
 */
public final class SentenceRestorer {
    private static final Set<String> QUESTION_OPENERS = Set.of(
            "what",
            "why",
            "how",
            "when",
            "where",
            "who",
            "whom",
            "whose",
            "which",
            "is",
            "are",
            "am",
            "was",
            "were",
            "do",
            "does",
            "did",
            "can",
            "could",
            "would",
            "will",
            "should",
            "shall",
            "have",
            "has",
            "may",
            "isn't",
            "aren't",
            "don't",
            "doesn't",
            "didn't",
            "can't",
            "won't",
            "shouldn't");
    private static final Set<String> PROPER = Set.of(
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "english",
            "french",
            "german",
            "spanish",
            "european",
            "america",
            "american",
            "europe",
            "london",
            "paris",
            "berlin",
            "christmas",
            "easter",
            "google",
            "microsoft",
            "linux",
            "java",
            "jitsi");

    private final long pauseMs;
    private final int maxWords;

    /**
     * @param pauseMs a silence at least this long between two words ends a sentence
     * @param maxWords longer sentences are split at their longest pause
     */
    public SentenceRestorer(long pauseMs, int maxWords) {
        this.pauseMs = pauseMs;
        this.maxWords = Math.max(4, maxWords);
    }

    /**
     * Defaults measured on the budget-review script voiced by flite and espeak-ng through Vosk:
     * pauses at sentence ends were 180-420 ms, at commas 120-150 ms.
     */
    public static SentenceRestorer defaults() {
        return new SentenceRestorer(200, 28);
    }

    /** Splits words into sentences by pauses; each inner list is one sentence, in order. */
    public List<List<RecognisedWord>> sentences(List<RecognisedWord> words) {
        List<List<RecognisedWord>> out = new ArrayList<>();
        List<RecognisedWord> current = new ArrayList<>();
        for (RecognisedWord w : words) {
            if (!current.isEmpty()) {
                RecognisedWord prev = current.get(current.size() - 1);
                boolean punctuated = endsSentence(prev.text());
                if (punctuated || w.startMs() - prev.endMs() >= pauseMs) {
                    out.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        List<List<RecognisedWord>> bounded = new ArrayList<>();
        for (List<RecognisedWord> s : out) {
            splitLong(s, bounded);
        }
        return bounded;
    }

    /** Readable text for the words: sentences punctuated and capitalised. */
    public String text(List<RecognisedWord> words) {
        StringBuilder text = new StringBuilder();
        for (List<RecognisedWord> sentence : sentences(words)) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(sentenceText(sentence));
        }
        return text.toString();
    }

    private void splitLong(List<RecognisedWord> s, List<List<RecognisedWord>> into) {
        if (s.size() <= maxWords) {
            into.add(s);
            return;
        }
        // Cut at the longest pause, keeping at least a few words on each side.
        int best = -1;
        long bestGap = -1;
        int margin = Math.min(4, s.size() / 4);
        for (int i = margin; i < s.size() - margin; i++) {
            long gap = s.get(i).startMs() - s.get(i - 1).endMs();
            if (gap > bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        splitLong(new ArrayList<>(s.subList(0, best)), into);
        splitLong(new ArrayList<>(s.subList(best, s.size())), into);
    }

    /** Readable text of one sentence from {@link #sentences}: capitalised and punctuated. */
    public static String sentenceText(List<RecognisedWord> sentence) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sentence.size(); i++) {
            String w = sentence.get(i).text().strip();
            if (w.isEmpty()) {
                continue;
            }
            w = capitaliseWord(w, b.length() == 0);
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w);
        }
        if (b.length() > 0 && !endsSentence(b.toString())) {
            String first = sentence.get(0).text().strip().toLowerCase(Locale.ROOT);
            b.append(QUESTION_OPENERS.contains(first) ? '?' : '.');
        }
        return b.toString();
    }

    private static String capitaliseWord(String w, boolean sentenceStart) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.equals("i") || lower.startsWith("i'")) {
            return "I" + w.substring(1);
        }
        if (sentenceStart || PROPER.contains(lower)) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        return w;
    }

    private static boolean endsSentence(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(text.length() - 1);
        return c == '.' || c == '?' || c == '!';
    }
}
