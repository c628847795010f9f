package dev.candor.ai.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.ai.ActionItem;
import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summary;
import dev.candor.ai.SummaryPoint;
import dev.candor.ai.SummaryProgress;
import dev.candor.ai.summary.Embedder;
import dev.candor.ai.summary.EnglishText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language-model summariser against a fake Ollama / OpenAI server on 127.0.0.1, and the llama binding's file checks. */
class LlmSummarizerIT {
    private static EnglishText english;
    private static Embedder embedder;

    private static final List<MeetingItem> MEETING = List.of(
            new MeetingItem(
                    "L1",
                    MeetingItem.Kind.SPEECH,
                    "Ana",
                    0,
                    "Um, let's move the launch to May, the beta needs more time."),
            new MeetingItem(
                    "L2", MeetingItem.Kind.SPEECH, "Ben", 1000, "Okay. I will send the budget to finance by Friday."),
            MeetingItem.chat("c1", "Chloe", 2000, "Who owns the hosting contract?"));

    /** The model's answer: two true items, one invented action item, one citing an id that does not exist. */
    private static final String ANSWER =
            """
            <think>The user wants JSON. Maybe I should add that Zed buys a boat.</think>
            ```json
            {"key_points":[{"text":"Ana proposed moving the launch to May because the beta needs more time.","sources":["L1"]}],
             "decisions":[{"text":"The launch moves to May.","sources":["L1"]}],
             "action_items":[
               {"owner":"Ben","task":"send the budget to finance","due":"Friday","sources":["L2"]},
               {"owner":"Zed","task":"buy a sailing boat for the office party","due":"Sunday","sources":["L2"]},
               {"owner":"Ana","task":"hire ten new engineers","due":null,"sources":["L999"]}],
             "open_questions":[{"text":"Who owns the hosting contract?","sources":["c1"]}]}
            ```""";

    @BeforeAll
    static void load() {
        english = new EnglishText();
        embedder = new Embedder();
    }

    private static LlmSummarizer summarizer(FakeModelServer server, HttpChatBackend.Api api, int context) {
        return new LlmSummarizer(
                () -> new HttpChatBackend(api, server.url(), "test-model", context, Duration.ofSeconds(20)),
                "test",
                embedder,
                english);
    }

    @Test
    void ollamaAnswerIsCheckedAgainstTheTranscriptAndInventedItemsAreNotFacts() throws Exception {
        try (FakeModelServer server = new FakeModelServer(prompt -> ANSWER);
                LlmSummarizer llm = summarizer(server, HttpChatBackend.Api.OLLAMA, 8192)) {
            Summary s = llm.summarize(MEETING, SummaryProgress.NONE).get(60, TimeUnit.SECONDS);
            assertThat(server.paths).containsExactly("/api/chat");
            assertThat(server.prompts.get(0)).contains("[L1] Ana: Let's move the launch to May", "[c1] Chloe (chat):");
            assertInventedItemsAreUnverified(s);
            assertThat(s.engine()).isEqualTo("ollama:test-model");
        }
    }

    @Test
    void openAiCompatibleAnswerIsCheckedTheSameWay() throws Exception {
        try (FakeModelServer server = new FakeModelServer(prompt -> ANSWER);
                LlmSummarizer llm = summarizer(server, HttpChatBackend.Api.OPENAI, 8192)) {
            Summary s = llm.summarize(MEETING, SummaryProgress.NONE).get(60, TimeUnit.SECONDS);
            assertThat(server.paths).containsExactly("/v1/chat/completions");
            assertInventedItemsAreUnverified(s);
        }
    }

    private static void assertInventedItemsAreUnverified(Summary s) {
        assertThat(s.status()).isEqualTo(Summary.Status.COMPLETE);
        assertThat(s.text()).doesNotContain("<think>", "</think>", "Maybe I should");
        ActionItem ben = find(s, "Ben");
        assertThat(ben.verified()).isTrue();
        assertThat(ben.due()).isEqualTo("Friday");
        assertThat(ben.sourceIds()).containsExactly("L2");
        ActionItem zed = find(s, "Zed");
        assertThat(zed.verified()).as("invented action item").isFalse();
        ActionItem ghost = find(s, "Ana");
        assertThat(ghost.verified()).as("item citing a missing id").isFalse();
        assertThat(ghost.sourceIds()).isEmpty();
        assertThat(s.decisions()).extracting(SummaryPoint::verified).containsExactly(true);
        assertThat(s.keyPoints()).extracting(SummaryPoint::verified).containsExactly(true);
        assertThat(s.openQuestions()).extracting(SummaryPoint::verified).containsExactly(true);
        assertThat(s.message()).contains("2 item(s)", "unverified");
    }

    private static ActionItem find(Summary s, String owner) {
        return s.actionItems().stream()
                .filter(a -> owner.equals(a.owner()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void longTranscriptIsSplitIntoPartsThatTogetherCoverEveryLine() throws Exception {
        List<MeetingItem> longMeeting = new ArrayList<>();
        for (int i = 1; i <= 240; i++) {
            longMeeting.add(new MeetingItem(
                    "s" + i,
                    MeetingItem.Kind.SPEECH,
                    i % 2 == 0 ? "Ana" : "Ben",
                    i * 1000L,
                    "Item number " + i + " is about the quarterly budget of the marketing team and its travel."));
        }
        Pattern id = Pattern.compile("\\[(s\\d+)]");
        try (FakeModelServer server = new FakeModelServer(prompt -> {
                    Matcher m = id.matcher(prompt);
                    m.find();
                    String first = m.group(1);
                    return "{\"key_points\":[{\"text\":\"Item number " + first.substring(1)
                            + " is about the quarterly budget of the marketing team.\",\"sources\":[\"" + first
                            + "\"]}]}";
                });
                LlmSummarizer llm = summarizer(server, HttpChatBackend.Api.OLLAMA, 2048)) {
            Summary s = llm.summarize(longMeeting, SummaryProgress.NONE).get(120, TimeUnit.SECONDS);
            assertThat(server.prompts.size()).as("parts sent").isGreaterThan(2);
            Set<String> seen = new HashSet<>();
            for (String p : server.prompts) {
                Matcher m = id.matcher(p);
                while (m.find()) {
                    assertThat(seen.add(m.group(1)))
                            .as("line sent once: " + m.group(1))
                            .isTrue();
                }
            }
            assertThat(seen).hasSize(240);
            assertThat(s.status()).isEqualTo(Summary.Status.COMPLETE);
            assertThat(s.keyPoints()).hasSize(server.prompts.size());
            assertThat(s.message()).contains(server.prompts.size() + " parts");
        }
    }

    @Test
    void aPartThatFailsMakesTheSummaryPartialAndSaysSo() throws Exception {
        List<MeetingItem> longMeeting = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            longMeeting.add(new MeetingItem(
                    "s" + i,
                    MeetingItem.Kind.SPEECH,
                    "Ana",
                    i,
                    "Line " + i + " talks about the budget for the new office and the travel plans for spring."));
        }
        int[] calls = {0};
        try (FakeModelServer server = new FakeModelServer(prompt -> ++calls[0] == 2 ? null : "{\"decisions\":[]}");
                LlmSummarizer llm = summarizer(server, HttpChatBackend.Api.OPENAI, 2048)) {
            Summary s = llm.summarize(longMeeting, SummaryProgress.NONE).get(120, TimeUnit.SECONDS);
            assertThat(s.status()).isEqualTo(Summary.Status.PARTIAL);
            assertThat(s.message()).contains("HTTP 500").startsWith("Only " + (server.prompts.size() - 1) + " of ");
        }
    }

    @Test
    void anAnswerWithoutJsonIsAFailedSummaryNotAnEmptyOne() throws Exception {
        try (FakeModelServer server =
                        new FakeModelServer(prompt -> "<think>hmm</think>Sorry, I cannot help with that.");
                LlmSummarizer llm = summarizer(server, HttpChatBackend.Api.OLLAMA, 8192)) {
            Summary s = llm.summarize(MEETING, SummaryProgress.NONE).get(60, TimeUnit.SECONDS);
            assertThat(s.status()).isEqualTo(Summary.Status.FAILED);
            assertThat(s.message()).contains("no JSON");
        }
    }

    @Test
    void composeRewriteAndReplyComeFromTheModelWithoutReasoning() throws Exception {
        try (FakeModelServer server = new FakeModelServer(prompt -> prompt.startsWith("Rewrite")
                        ? "<think>shorter...</think>\"Budget by Friday, thanks!\""
                        : "Thanks Ben, Friday works.");
                LlmSummarizer llm = summarizer(server, HttpChatBackend.Api.OLLAMA, 8192)) {
            var drafts = new dev.candor.ai.compose.ChatDrafts(null, llm);
            assertThat(drafts.canRewrite()).isTrue();
            assertThat(drafts.rewrite(
                                    "Could you please send me the budget by Friday?",
                                    dev.candor.ai.Composer.Tone.SHORTER)
                            .get(30, TimeUnit.SECONDS)
                            .text())
                    .isEqualTo("Budget by Friday, thanks!");
            assertThat(server.prompts.get(0)).contains("shorter", "Could you please send me the budget by Friday?");
            var reply = drafts.suggestReply(MEETING, MEETING.get(1)).get(30, TimeUnit.SECONDS);
            assertThat(reply.text()).isEqualTo("Thanks Ben, Friday works.");
            assertThat(reply.sourceIds()).containsExactly("L2");
        }
    }

    @Test
    void serverOffThisComputerIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> LoopbackOnly.check("http://10.20.30.40:11434"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not on this computer");
        assertThatThrownBy(() -> new HttpChatBackend(
                        HttpChatBackend.Api.OPENAI, "http://192.168.1.7:8080", "m", 4096, Duration.ofSeconds(1)))
                .hasMessageContaining("192.168.1.7");
        assertThatThrownBy(() -> LoopbackOnly.check("http://[2001:db8::1]:11434"))
                .hasMessageContaining("not on this computer");
        assertThatThrownBy(() -> LoopbackOnly.check("ftp://127.0.0.1/")).hasMessageContaining("http");
        assertThat(LoopbackOnly.check("http://localhost:11434").getPort()).isEqualTo(11434);
        assertThat(LoopbackOnly.check("http://localhost:11434/").getHost())
                .as("a checked name is pinned to its loopback address")
                .matches("127\\.0\\.0\\.1|\\[0:0:0:0:0:0:0:1]");
        assertThat(LoopbackOnly.check("http://[::1]:8080").getPort()).isEqualTo(8080);
        assertThat(LoopbackOnly.check("http://127.0.0.2:8080").getHost()).isEqualTo("127.0.0.2");
    }

    @Test
    void thinkBlocksAreStrippedEvenWhenUnclosedOrRepeated() {
        assertThat(AnswerText.withoutReasoning("<think>a</think>{\"x\":1}<think>b</think>"))
                .isEqualTo("{\"x\":1}");
        assertThat(AnswerText.withoutReasoning("<think>never closed {\"x\":1}")).isEmpty();
        assertThat(AnswerText.jsonObject("reasoning...</think>\n{\"x\":1}")).isEqualTo("{\"x\":1}");
    }

    @Test
    void cancellingStopsTheRequestAndCloseLeavesNoEngineThread() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (FakeModelServer server = new FakeModelServer(prompt -> {
            asked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "{}";
        })) {
            LlmSummarizer llm = summarizer(server, HttpChatBackend.Api.OLLAMA, 8192);
            var future = llm.summarize(MEETING, SummaryProgress.NONE);
            assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
            future.cancel(true);
            assertThat(future).isCancelled();
            assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
            llm.close();
            Thread.sleep(200);
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.isAlive()
                            && (t.getName().equals("candor-llm") || t.getName().equals("candor-llm-http")));
        }
    }

    @Test
    void corruptOrWrongModelFileGivesAClearErrorAndNothingIsLoaded(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.gguf"));
        Path text = Files.writeString(dir.resolve("notes.gguf"), "this is not a model");
        assertThatThrownBy(() -> new LlamaBackend(dir.resolve("missing.gguf"), 2048, 1))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new LlamaBackend(empty, 2048, 1)).hasMessageContaining("empty or truncated");
        assertThatThrownBy(() -> new LlamaBackend(text, 2048, 1)).hasMessageContaining("not a GGUF model");
        // Through the summariser the error becomes a FAILED summary with the same message, and close releases the
        // thread.
        LlmSummarizer llm = new LlmSummarizer(
                () -> {
                    try {
                        return new LlamaBackend(text, 2048, 1);
                    } catch (LlmException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                },
                "llama:notes.gguf",
                embedder,
                english);
        Summary s = llm.summarize(MEETING, SummaryProgress.NONE).get(30, TimeUnit.SECONDS);
        assertThat(s.status()).isEqualTo(Summary.Status.FAILED);
        assertThat(s.message()).contains("not a GGUF model");
        llm.close();
        Thread.sleep(100);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.isAlive() && t.getName().equals("candor-llm"));
    }
}
