package dev.candor.ai.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A running call's "so far" summary keeps work between updates; after every added turn it must be
 * exactly the summary worked out from scratch over the same turns.
 */
class IncrementalSummaryTest {
    private static Analyser analyser;

    @BeforeAll
    static void load() {
        analyser = new Analyser(new EnglishText(), new Embedder());
    }

    @AfterAll
    static void release() {
        analyser = null;
    }

    @Test
    void soFarSummaryEqualsFromScratchAfterEveryTurnOfEveryScriptedMeeting() throws Exception {
        int decisions = 0;
        int actions = 0;
        for (Path script : ScriptedAnswers.scripts()) {
            MeetingNotes notes = new MeetingNotes(analyser);
            for (MeetingItem item : TranscriptFile.read(script)) {
                notes.add(item);
                Summary soFar = notes.summary("default");
                assertThat(soFar)
                        .as("%s after %d turns", script.getFileName(), notes.size())
                        .isEqualTo(notes.summaryFromScratch("default"));
            }
            Summary last = notes.summary("default");
            decisions += last.decisions().size();
            actions += last.actionItems().size();
        }
        assertThat(decisions).as("the scripted meetings exercise decisions").isPositive();
        assertThat(actions).as("the scripted meetings exercise action items").isPositive();
    }

    @Test
    void summaryFromScratchOnTwoThreadsEqualsTheRunningSummary() throws Exception {
        List<MeetingItem> items =
                TranscriptFile.read(ScriptedAnswers.sharedDir().resolve("eval/qmsum-val/TS3010a.json"));
        try (DefaultSummarizer summarizer = new DefaultSummarizer(new EnglishText(), new Embedder())) {
            var session = summarizer.openSession();
            items.forEach(session::add);
            Summary running = session.soFar().get();
            assertThat(summarizer.summarizeNow(items)).isEqualTo(running);
            assertThat(summarizer.summarize(items, (d, t, w) -> {}).get()).isEqualTo(running);
            assertThat(running.keyPoints()).isNotEmpty();
        }
    }

    @Test
    void soFarKeyPointsEqualFromScratchWhileARealMeetingGrowsIntoSeveralTopics() throws Exception {
        List<MeetingItem> items =
                TranscriptFile.read(ScriptedAnswers.sharedDir().resolve("eval/qmsum-val/IS1006a.json"));
        MeetingNotes notes = new MeetingNotes(analyser);
        int topicLines = 0;
        for (int i = 0; i < items.size(); i++) {
            notes.add(items.get(i));
            if (i % 5 == 0 || i == items.size() - 1) {
                Summary soFar = notes.summary("default");
                assertThat(soFar).as("after %d turns", i + 1).isEqualTo(notes.summaryFromScratch("default"));
                topicLines = (int) soFar.keyPoints().stream()
                        .filter(p -> p.text().startsWith("The group discussed"))
                        .count();
            }
        }
        assertThat(topicLines).as("the meeting is split into topics").isGreaterThanOrEqualTo(2);
    }
}
