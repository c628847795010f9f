package dev.candor.ai.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summary;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The default summariser on the scripted meetings in {@code shared/eval/scripted}, with their answers. */
class ScriptedMeetingsTest {
    private static DefaultSummarizer summarizer;

    @BeforeAll
    static void load() {
        summarizer = new DefaultSummarizer();
    }

    @AfterAll
    static void close() {
        summarizer.close();
    }

    static Stream<Path> scripts() throws Exception {
        return ScriptedAnswers.scripts().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void decisionsAndActionItemsAreFoundWithOwnerAndDueAndEveryItemIsGrounded(Path script) throws Exception {
        List<MeetingItem> items = TranscriptFile.read(script);
        Summary summary = summarizer.summarize(items, (d, t, w) -> {}).get();
        ScriptedAnswers.Score score = ScriptedAnswers.score(
                script.getFileName().toString(), items, summary, ScriptedAnswers.expected(script));
        if (Boolean.getBoolean("candor.print")) {
            System.err.println("== " + script.getFileName() + "\n"
                    + new dev.candor.ai.summary.SummaryMarkdown().render(summary, items));
            System.err.println(score);
        }
        assertThat(score.ungrounded()).as("ungrounded items").isEmpty();
        assertThat(score.misses()).as("missed").isEmpty();
        assertThat(score.decisionsOutput()).as("decisions output").isLessThanOrEqualTo(score.decisionsExpected() + 1);
        assertThat(score.actionsOutput()).as("action items output").isLessThanOrEqualTo(score.actionsExpected() + 1);
    }
}
