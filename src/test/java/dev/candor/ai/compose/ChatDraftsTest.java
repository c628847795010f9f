package dev.candor.ai.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.ai.Composer;
import dev.candor.ai.Draft;
import dev.candor.ai.MeetingItem;
import dev.candor.ai.summary.DefaultSummarizer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compose help with the default engine: recaps of a time window and action items as chat drafts. */
class ChatDraftsTest {
    private static DefaultSummarizer summarizer;

    @BeforeAll
    static void load() {
        summarizer = new DefaultSummarizer();
    }

    @AfterAll
    static void close() {
        summarizer.close();
    }

    private static final List<MeetingItem> CALL = List.of(
            new MeetingItem("s1", MeetingItem.Kind.SPEECH, "Ana", 0, "We decided to hold the offsite in Lisbon."),
            new MeetingItem(
                    "s2", MeetingItem.Kind.SPEECH, "Ana", 20 * 60_000, "Ben, can you book the hotel by Friday?"),
            new MeetingItem("s3", MeetingItem.Kind.SPEECH, "Ben", 20 * 60_000 + 5000, "Sure, I can do that."),
            MeetingItem.chat("c1", "Chloe", 21 * 60_000, "I will send round the food poll by Monday."));

    @Test
    void recapCoversOnlyTheLastMinutesAndCitesItsSources() throws Exception {
        Draft d = new ChatDrafts(summarizer, null)
                .recap(CALL, Duration.ofMinutes(5))
                .get(60, TimeUnit.SECONDS);
        assertThat(d.text())
                .startsWith("Recap of the last 5 minutes:")
                .contains(
                        "Action: Ben will book the hotel (Friday).",
                        "Action: Chloe will send round the food poll (Monday).")
                .doesNotContain("Lisbon");
        assertThat(d.sourceIds()).contains("s2", "c1").doesNotContain("s1");
    }

    @Test
    void actionItemsBecomeOneDraftEach() throws Exception {
        List<Draft> drafts =
                new ChatDrafts(summarizer, null).actionItemDrafts(CALL).get(60, TimeUnit.SECONDS);
        assertThat(drafts)
                .extracting(Draft::text)
                .containsExactly(
                        "Action: Ben will book the hotel (Friday).",
                        "Action: Chloe will send round the food poll (Monday).");
        assertThat(drafts.get(0).sourceIds()).containsExactly("s2", "s3");
    }

    @Test
    void rewriteWithoutALanguageModelSaysWhatIsNeeded() {
        ChatDrafts drafts = new ChatDrafts(summarizer, null);
        assertThat(drafts.canRewrite()).isFalse();
        assertThatThrownBy(() -> drafts.rewrite("hi", Composer.Tone.SHORTER).get())
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("need a language model");
    }
}
