package dev.candor.ai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.ActionItem;
import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summarizer;
import dev.candor.ai.Summary;
import dev.candor.ai.SummaryPoint;
import dev.candor.ai.SummaryProgress;
import dev.candor.ai.SummarySession;
import dev.candor.ai.summary.Embedder;
import dev.candor.ai.summary.EnglishText;
import dev.candor.ai.summary.SpeechCleaner;
import dev.candor.ai.summary.Worker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language-model summariser: asks a local model (GGUF in-process, or a loopback Ollama /
 * OpenAI-compatible server) for the summary as JSON with source ids, then checks every item
 * against the transcript ({@link Verifier}); unsupported items come out marked unverified. A long
 * meeting is split into parts that fit the model's context, each summarised, and the parts
 * combined (map-reduce); a part that fails makes the result PARTIAL, never silently shorter.
 * Loading and generation run on the "candor-llm" thread; cancelling the future stops them.
 */
public final class LlmSummarizer implements Summarizer {
    private static final Logger LOG = LoggerFactory.getLogger(LlmSummarizer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rough characters per token for English, to size parts without a tokenizer round trip. */
    private static final double CHARS_PER_TOKEN = 3.5;

    static final int ANSWER_TOKENS = 1024;

    static final String INSTRUCTIONS =
            """
            You summarise a meeting from its transcript. Each line starts with an id in square brackets,
            then the speaker's name, then what they said. Answer with JSON only, in this shape:
            {"key_points":[{"text":"...","sources":["id"]}],
             "decisions":[{"text":"...","sources":["id"]}],
             "action_items":[{"owner":"name","task":"...","due":"as said, or null","sources":["id"]}],
             "open_questions":[{"text":"...","sources":["id"]}]}
            Rules: use only what the transcript says; never invent people, tasks, dates or decisions.
            Every item lists the ids of the lines it comes from. Write key points in the third person
            with the speaker's name ("Ana proposed moving the launch to May."). An action item is
            something a person said they (or someone they asked, who accepted) will do.""";

    private final Supplier<ChatBackend> loader;
    private final Embedder embedder;
    private final EnglishText english;
    private final Worker worker = new Worker("candor-llm");
    private final SpeechCleaner cleaner = new SpeechCleaner();
    private volatile ChatBackend backend;
    private volatile String name;

    /**
     * @param loader opens the backend; called once, on the engine's thread (loading a GGUF model takes seconds)
     * @param name engine name shown before the backend is loaded
     */
    public LlmSummarizer(Supplier<ChatBackend> loader, String name, Embedder embedder, EnglishText english) {
        this.loader = loader;
        this.name = name;
        this.embedder = embedder;
        this.english = english;
    }

    @Override
    public String engine() {
        return name;
    }

    @Override
    public CompletableFuture<Summary> summarize(List<MeetingItem> items, SummaryProgress progress) {
        List<MeetingItem> copy = List.copyOf(items);
        return worker.submit(() -> run(copy, progress));
    }

    private ChatBackend backend() {
        if (backend == null) {
            backend = loader.get();
            name = backend.name();
        }
        return backend;
    }

    Summary run(List<MeetingItem> items, SummaryProgress progress) throws InterruptedException {
        ChatBackend model;
        try {
            model = backend();
        } catch (RuntimeException e) {
            LOG.warn("Language model could not be opened", e);
            return Summary.failed(name, e.getMessage());
        }
        List<List<String>> parts = split(items, model.contextTokens());
        Verifier verifier = new Verifier(items, embedder, english);
        Collected all = new Collected();
        List<String> failures = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("summary cancelled");
            }
            progress.update(p, parts.size(), "part " + (p + 1) + " of " + parts.size());
            String what = parts.size() == 1 ? "the meeting" : "part " + (p + 1) + " of " + parts.size();
            try {
                String answer = model.chat(
                        List.of(
                                new ChatBackend.Message("system", INSTRUCTIONS),
                                new ChatBackend.Message("user", String.join("\n", parts.get(p)))),
                        ANSWER_TOKENS);
                String json = AnswerText.jsonObject(answer);
                if (json == null) {
                    failures.add(what + ": the model's answer held no JSON");
                    continue;
                }
                collect(JSON.readTree(json), verifier, all);
            } catch (LlmException e) {
                failures.add(what + ": " + e.getMessage());
            } catch (IOException e) {
                failures.add(what + ": the model's answer was not valid JSON");
            }
        }
        progress.update(parts.size(), parts.size(), "checked");
        if (failures.size() == parts.size()) {
            return Summary.failed(name, "No summary: " + String.join("; ", failures));
        }
        Summary.Status status = failures.isEmpty() ? Summary.Status.COMPLETE : Summary.Status.PARTIAL;
        String message = failures.isEmpty()
                ? (parts.size() > 1 ? "Summarised in " + parts.size() + " parts." : "")
                : "Only " + (parts.size() - failures.size()) + " of " + parts.size() + " parts were summarised ("
                        + String.join("; ", failures) + ").";
        long unverified = all.count(false);
        if (unverified > 0) {
            message = (message + " " + unverified + " item(s) the transcript does not support are marked unverified.")
                    .strip();
        }
        return new Summary(all.keyPoints, all.decisions, all.actions, all.questions, status, message, name);
    }

    /** Transcript lines "[id] Speaker: text", split into parts that fit the context with room for the answer. */
    List<List<String>> split(List<MeetingItem> items, int contextTokens) {
        int budget = (int)
                ((contextTokens - ANSWER_TOKENS - INSTRUCTIONS.length() / CHARS_PER_TOKEN - 64) * CHARS_PER_TOKEN);
        budget = Math.max(400, budget);
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int size = 0;
        for (MeetingItem item : items) {
            String text = cleaner.clean(item.text());
            if (text.isEmpty()) {
                continue;
            }
            String line = "[" + item.id() + "] " + item.speaker()
                    + (item.kind() == MeetingItem.Kind.CHAT ? " (chat)" : "") + ": " + text;
            if (line.length() > budget) {
                line = line.substring(0, budget); // one enormous turn: keep its start, the part says so by its id
            }
            if (size + line.length() + 1 > budget && !current.isEmpty()) {
                parts.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(line);
            size += line.length() + 1;
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private static final class Collected {
        final List<SummaryPoint> keyPoints = new CopyOnWriteArrayList<>();
        final List<SummaryPoint> decisions = new CopyOnWriteArrayList<>();
        final List<ActionItem> actions = new CopyOnWriteArrayList<>();
        final List<SummaryPoint> questions = new CopyOnWriteArrayList<>();

        long count(boolean verified) {
            return keyPoints.stream().filter(p -> p.verified() == verified).count()
                    + decisions.stream().filter(p -> p.verified() == verified).count()
                    + actions.stream().filter(p -> p.verified() == verified).count()
                    + questions.stream().filter(p -> p.verified() == verified).count();
        }
    }

    private static void collect(JsonNode root, Verifier verifier, Collected all) {
        points(root.path("key_points"), verifier, all.keyPoints);
        points(root.path("decisions"), verifier, all.decisions);
        points(root.path("open_questions"), verifier, all.questions);
        for (JsonNode a : root.path("action_items")) {
            String task = a.path("task").asText("").strip();
            if (task.isEmpty()) {
                continue;
            }
            String owner =
                    a.path("owner").isTextual() ? a.path("owner").asText().strip() : null;
            String due = a.path("due").isTextual()
                            && !a.path("due").asText().isBlank()
                            && !a.path("due").asText().equalsIgnoreCase("null")
                    ? a.path("due").asText().strip()
                    : null;
            List<String> cited = ids(a.path("sources"));
            String claim = (owner == null ? "" : owner + " ") + task + (due == null ? "" : " " + due);
            boolean ok = verifier.supports(claim, cited, owner);
            if (!dedupe(all.actions, task)) {
                all.actions.add(new ActionItem(owner, task, due, verifier.known(cited), ok));
            }
        }
    }

    private static boolean dedupe(List<ActionItem> actions, String task) {
        return actions.stream().anyMatch(x -> x.task().equalsIgnoreCase(task));
    }

    private static void points(JsonNode list, Verifier verifier, List<SummaryPoint> into) {
        for (JsonNode p : list) {
            String text = p.isTextual() ? p.asText() : p.path("text").asText("");
            text = text.strip();
            if (text.isEmpty()) {
                continue;
            }
            List<String> cited = ids(p.path("sources"));
            boolean ok = verifier.supports(text, cited, null);
            String t = text;
            if (into.stream().noneMatch(x -> x.text().equalsIgnoreCase(t))) {
                into.add(new SummaryPoint(text, verifier.known(cited), ok));
            }
        }
    }

    private static List<String> ids(JsonNode sources) {
        List<String> out = new ArrayList<>();
        if (sources.isArray()) {
            sources.forEach(s -> out.add(s.asText().replaceAll("^\\[|]$", "").strip()));
        } else if (sources.isTextual()) {
            for (String s : sources.asText().split("[,\\s]+")) {
                if (!s.isBlank()) {
                    out.add(s.replaceAll("^\\[|]$", ""));
                }
            }
        }
        return out;
    }

    /** A running call's summary by the language model: items are kept; each "so far" asks the model again. */
    @Override
    public SummarySession openSession() {
        List<MeetingItem> items = new CopyOnWriteArrayList<>();
        return new SummarySession() {
            @Override
            public void add(MeetingItem item) {
                items.add(item);
            }

            @Override
            public int size() {
                return items.size();
            }

            @Override
            public CompletableFuture<Summary> soFar() {
                return summarize(List.copyOf(items), SummaryProgress.NONE);
            }

            @Override
            public void close() {}
        };
    }

    /** Chat access for compose help (rewrite, suggested reply), on the same thread and model. */
    public CompletableFuture<String> chat(List<ChatBackend.Message> messages, int maxAnswerTokens) {
        return worker.submit(() -> {
            try {
                return AnswerText.withoutReasoning(backend().chat(messages, maxAnswerTokens));
            } catch (LlmException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() {
        worker.close();
        ChatBackend b = backend;
        if (b != null) {
            b.close();
        }
    }
}
