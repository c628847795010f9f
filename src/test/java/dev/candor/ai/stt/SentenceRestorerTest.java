package dev.candor.ai.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceRestorerTest {
    /** Words spoken 300 ms each; "|" marks a 400 ms pause. */
    static List<RecognisedWord> spoken(String script) {
        List<RecognisedWord> out = new ArrayList<>();
        long t = 0;
        for (String w : script.split(" ")) {
            if (w.equals("|")) {
                t += 400;
                continue;
            }
            out.add(new RecognisedWord(w, t, t + 300, 1.0));
            t += 300 + 20;
        }
        return out;
    }

    @Test
    void pausesBecomeSentenceBreaksAndSentenceStartsAndIAreCapitalised() {
        String text = SentenceRestorer.defaults()
                .text(spoken("i think it was worth it | fair point | i'm not sure on monday"));
        assertThat(text).isEqualTo("I think it was worth it. Fair point. I'm not sure on Monday.");
    }

    @Test
    void sentencesOpeningWithAQuestionWordGetAQuestionMark() {
        String text = SentenceRestorer.defaults().text(spoken("can we move on | what is the budget | yes"));
        assertThat(text).isEqualTo("Can we move on? What is the budget? Yes.");
    }

    @Test
    void runOnSpeechIsSplitAtItsLongestPause() {
        List<RecognisedWord> words = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 40; i++) {
            long gap = i == 17 ? 150 : 20;
            t += gap;
            words.add(new RecognisedWord("w" + i, t, t + 200, 1.0));
            t += 200;
        }
        List<List<RecognisedWord>> sentences = SentenceRestorer.defaults().sentences(words);
        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(1).get(0).text()).isEqualTo("w17");
    }

    @Test
    void textThatIsAlreadyPunctuatedKeepsItsPunctuation() {
        List<RecognisedWord> words = List.of(
                new RecognisedWord("Hello,", 0, 300, 1),
                new RecognisedWord("world.", 320, 600, 1),
                new RecognisedWord("Really?", 620, 900, 1));
        assertThat(SentenceRestorer.defaults().text(words)).isEqualTo("Hello, world. Really?");
    }
}
