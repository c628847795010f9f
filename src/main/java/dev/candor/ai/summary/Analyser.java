package dev.candor.ai.summary;

import dev.candor.ai.MeetingItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one meeting item into a {@link Turn}: cleans the speech, splits sentences (OpenNLP),
 * tokenises and tags them, and embeds the sentences with enough content (MiniLM). This is the
 * per-item work an incremental summary does once.
 */
final class Analyser {
    static final int MIN_WORDS_TO_EMBED = 4;

    private final SpeechCleaner cleaner = new SpeechCleaner();
    private final EnglishText english;
    private final Embedder embedder;

    Analyser(EnglishText english, Embedder embedder) {
        this.english = english;
        this.embedder = embedder;
    }

    EnglishText english() {
        return english;
    }

    Embedder embedder() {
        return embedder;
    }

    Turn analyse(MeetingItem item, int index) {
        String cleaned = cleaner.clean(item.text());
        List<Utterance> out = new ArrayList<>();
        if (!cleaned.isEmpty()) {
            int position = 0;
            for (String raw : english.sentences(cleaned)) {
                String sentence = cleaner.clean(raw);
                if (sentence.isEmpty()) {
                    continue;
                }
                String[] tokens = english.tokens(sentence);
                if (tokens.length == 0) {
                    continue;
                }
                String[] tags = english.tags(tokens);
                Set<String> stems = new LinkedHashSet<>();
                List<String> content = new ArrayList<>();
                for (int i = 0; i < tokens.length; i++) {
                    String w = tokens[i].toLowerCase(Locale.ROOT);
                    if (Words.isContent(w)) {
                        stems.add(english.stem(w));
                        content.add(w);
                    }
                }
                float[] embedding = content.size() >= MIN_WORDS_TO_EMBED ? embedder.embed(sentence) : null;
                out.add(new Utterance(
                        item.id(),
                        index,
                        position++,
                        item.speaker(),
                        sentence,
                        tokens,
                        tags,
                        stems,
                        content,
                        embedding));
            }
        }
        return new Turn(item, index, List.copyOf(out));
    }
}
