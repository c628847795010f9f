package dev.candor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summarizer;
import dev.candor.ai.Summary;
import dev.candor.ai.llm.ChatBackend;
import dev.candor.ai.llm.HttpChatBackend;
import dev.candor.ai.llm.LlamaBackend;
import dev.candor.ai.llm.LlmException;
import dev.candor.ai.llm.LlmSummarizer;
import dev.candor.ai.llm.LoopbackOnly;
import dev.candor.ai.summary.DefaultSummarizer;
import dev.candor.ai.summary.Embedder;
import dev.candor.ai.summary.EnglishText;
import dev.candor.ai.summary.SummaryMarkdown;
import dev.candor.ai.summary.TranscriptFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code candor summarize FILE}: summarises a transcript file (Candor JSON, QMSum JSON or
 * "SPEAKER: line" text) and prints Markdown or JSON with source ids. Progress goes to stderr; a
 * bad file or engine gives one clear line and a non-zero exit code.
 */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        description = "Summarise a meeting transcript: key points, decisions, action items, open questions.")
public final class SummarizeCommand implements java.util.concurrent.Callable<Integer> {
    /** Which summariser to run. */
    public enum Engine {
        DEFAULT,
        LLAMA,
        OLLAMA,
        OPENAI
    }

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "Transcript: JSON {\"items\":[…]}, QMSum JSON, or SPEAKER: line text.")
    Path file;

    @Option(
            names = "--engine",
            defaultValue = "default",
            description = "default | llama | ollama | openai (default: ${DEFAULT-VALUE}).",
            converter = EngineConverter.class)
    Engine engine;

    @Option(names = "--model", description = "GGUF file (llama) or model name (ollama/openai).")
    String model;

    @Option(
            names = "--server",
            description =
                    "Model server URL on this computer, e.g. http://127.0.0.1:11434 (ollama, default) or http://127.0.0.1:8080 (openai).")
    String server;

    @Option(
            names = "--context",
            defaultValue = "8192",
            description = "Model context size in tokens (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--format", defaultValue = "markdown", description = "markdown | json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--timeout",
            defaultValue = "600",
            description = "Seconds to wait for a model server per part (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Accepts the engine name in any case. */
    static final class EngineConverter implements CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            try {
                return Engine.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "unknown engine '" + value + "' (default, llama, ollama, openai)");
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("markdown") && !fmt.equals("json")) {
            err.println("candor summarize: unknown format '" + format + "' (markdown or json)");
            return 2;
        }
        List<MeetingItem> items;
        try {
            items = TranscriptFile.read(file);
        } catch (TranscriptFile.TranscriptFormatException e) {
            err.println("candor summarize: " + e.getMessage());
            return 1;
        }
        boolean longInput = items.size() > 200;
        if (longInput) {
            err.printf(
                    Locale.ROOT,
                    "Read %d items from %s; loading the %s engine…%n",
                    items.size(),
                    file.getFileName(),
                    engine.name().toLowerCase(Locale.ROOT));
            err.flush();
        }
        Summarizer summarizer;
        try {
            summarizer = open();
        } catch (IllegalArgumentException e) {
            err.println("candor summarize: " + e.getMessage());
            return 2;
        }
        try (summarizer) {
            Summary summary = summarizer
                    .summarize(items, (done, total, what) -> {
                        if (longInput || engine != Engine.DEFAULT) {
                            err.printf(Locale.ROOT, "\r%s: %d/%d %s   ", summarizer.engine(), done, total, what);
                            err.flush();
                        }
                    })
                    .get();
            if (longInput || engine != Engine.DEFAULT) {
                err.println();
            }
            out.print(fmt.equals("json") ? json(summary) : new SummaryMarkdown().render(summary, items));
            out.flush();
            if (summary.status() == Summary.Status.FAILED) {
                err.println("candor summarize: " + summary.message());
                return 3;
            }
            return 0;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("candor summarize: " + cause.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("candor summarize: interrupted");
            return 130;
        }
    }

    private Summarizer open() {
        EnglishText english = new EnglishText();
        Embedder embedder = new Embedder();
        switch (engine) {
            case DEFAULT:
                return new DefaultSummarizer(english, embedder);
            case LLAMA: {
                if (model == null) {
                    throw new IllegalArgumentException("--engine llama needs --model FILE.gguf");
                }
                Path gguf = Path.of(model);
                int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
                Supplier<ChatBackend> loader = () -> {
                    try {
                        return new LlamaBackend(gguf, context, threads);
                    } catch (LlmException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                };
                return new LlmSummarizer(loader, "llama:" + gguf.getFileName(), embedder, english);
            }
            case OLLAMA:
            case OPENAI: {
                boolean ollama = engine == Engine.OLLAMA;
                String url = server != null ? server : (ollama ? "http://127.0.0.1:11434" : "http://127.0.0.1:8080");
                LoopbackOnly.check(url); // refuse before anything else happens
                if (model == null && ollama) {
                    throw new IllegalArgumentException("--engine ollama needs --model NAME (e.g. llama3.2)");
                }
                String name = model == null ? "default" : model;
                HttpChatBackend.Api api = ollama ? HttpChatBackend.Api.OLLAMA : HttpChatBackend.Api.OPENAI;
                Supplier<ChatBackend> loader =
                        () -> new HttpChatBackend(api, url, name, context, Duration.ofSeconds(timeoutSeconds));
                return new LlmSummarizer(loader, (ollama ? "ollama:" : "openai:") + name, embedder, english);
            }
            default:
                throw new IllegalArgumentException("unknown engine " + engine);
        }
    }

    static String json(Summary summary) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("engine", summary.engine());
        root.put("status", summary.status().name().toLowerCase(Locale.ROOT));
        root.put("message", summary.message());
        root.put("keyPoints", summary.keyPoints());
        root.put("decisions", summary.decisions());
        root.put("actionItems", summary.actionItems());
        root.put("openQuestions", summary.openQuestions());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
