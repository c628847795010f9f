package dev.candor.ai.compose;

import dev.candor.ai.ActionItem;
import dev.candor.ai.Composer;
import dev.candor.ai.Draft;
import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summary;
import dev.candor.ai.SummaryPoint;
import dev.candor.ai.llm.ChatBackend;
import dev.candor.ai.llm.LlmSummarizer;
import dev.candor.ai.summary.DefaultSummarizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Compose help: recaps and action-item messages drafted from the default summariser's grounded
 * items, and — when a language model is configured — rewrites and suggested replies. Everything
 * is a {@link Draft}; nothing here sends a message.
 */
public final class ChatDrafts implements Composer {
    static final int MAX_RECAP_LINES = 6;

    private final DefaultSummarizer summarizer;
    private final LlmSummarizer llm;

    /**
     * @param summarizer the default engine (shared with the summary feature)
     * @param llm a language-model engine for rewrite and reply, or null when none is configured
     */
    public ChatDrafts(DefaultSummarizer summarizer, LlmSummarizer llm) {
        this.summarizer = summarizer;
        this.llm = llm;
    }

    @Override
    public CompletableFuture<Draft> recap(List<MeetingItem> items, Duration window) {
        if (items.isEmpty()) {
            return CompletableFuture.completedFuture(new Draft("Nothing has been said yet.", List.of()));
        }
        long end = items.stream().mapToLong(MeetingItem::timeMs).max().orElse(0);
        long from = end - window.toMillis();
        List<MeetingItem> recent =
                items.stream().filter(i -> i.timeMs() >= from).toList();
        long minutes = Math.max(1, window.toMinutes());
        return summarizer.summarize(recent, (d, t, w) -> {}).thenApply(s -> recapDraft(s, minutes));
    }

    static Draft recapDraft(Summary s, long minutes) {
        StringBuilder b =
                new StringBuilder("Recap of the last " + minutes + " minute" + (minutes == 1 ? "" : "s") + ":");
        Set<String> sources = new LinkedHashSet<>();
        int lines = 0;
        for (SummaryPoint p : s.decisions()) {
            b.append("\n• Decided: ").append(p.text());
            sources.addAll(p.sourceIds());
            lines++;
        }
        for (ActionItem a : s.actionItems()) {
            b.append("\n• ").append(actionLine(a));
            sources.addAll(a.sourceIds());
            lines++;
        }
        for (SummaryPoint p : s.keyPoints()) {
            if (lines >= MAX_RECAP_LINES) {
                break;
            }
            if (p.text().startsWith("The group discussed")) {
                continue;
            }
            b.append("\n• ").append(p.text());
            sources.addAll(p.sourceIds());
            lines++;
        }
        for (SummaryPoint p : s.openQuestions()) {
            b.append("\n• Open: ").append(p.text());
            sources.addAll(p.sourceIds());
        }
        if (sources.isEmpty()) {
            return new Draft("Recap of the last " + minutes + " minutes: nothing to report yet.", List.of());
        }
        return new Draft(b.toString(), List.copyOf(sources));
    }

    static String actionLine(ActionItem a) {
        String task = a.task().isEmpty()
                ? a.task()
                : Character.toLowerCase(a.task().charAt(0)) + a.task().substring(1);
        return "Action: " + (a.owner() == null ? "Someone" : a.owner()) + " will " + task
                + (a.due() == null ? "" : " (" + a.due() + ")") + ".";
    }

    @Override
    public CompletableFuture<List<Draft>> actionItemDrafts(List<MeetingItem> items) {
        return summarizer.summarize(items, (d, t, w) -> {}).thenApply(s -> {
            List<Draft> out = new ArrayList<>();
            for (ActionItem a : s.actionItems()) {
                out.add(new Draft(actionLine(a), a.sourceIds()));
            }
            return out;
        });
    }

    @Override
    public boolean canRewrite() {
        return llm != null;
    }

    @Override
    public CompletableFuture<Draft> rewrite(String draft, Tone tone) {
        if (llm == null) {
            return noModel();
        }
        String how =
                switch (tone) {
                    case SHORTER -> "shorter, keeping every fact";
                    case MORE_FORMAL -> "more formal and polite";
                    case FRIENDLIER -> "friendlier and warmer";
                };
        return llm.chat(
                        List.of(
                                new ChatBackend.Message(
                                        "system",
                                        "You rewrite a chat message for a video meeting. Answer with the"
                                                + " rewritten message only. Do not add facts, names, dates or promises."),
                                new ChatBackend.Message("user", "Rewrite this message to be " + how + ":\n\n" + draft)),
                        300)
                .thenApply(t -> new Draft(unquote(t), List.of()));
    }

    @Override
    public CompletableFuture<Draft> suggestReply(List<MeetingItem> items, MeetingItem message) {
        if (llm == null) {
            return noModel();
        }
        StringBuilder context = new StringBuilder();
        int from = Math.max(0, items.size() - 30);
        for (MeetingItem i : items.subList(from, items.size())) {
            context.append(i.speaker()).append(": ").append(i.text()).append('\n');
        }
        return llm.chat(
                        List.of(
                                new ChatBackend.Message(
                                        "system",
                                        "You suggest a short chat reply for the user in a video meeting."
                                                + " Answer with the reply only. Use only facts from the conversation; never promise"
                                                + " anything on the user's behalf."),
                                new ChatBackend.Message(
                                        "user",
                                        "Conversation so far:\n" + context + "\nReply to " + message.speaker() + ": "
                                                + message.text())),
                        200)
                .thenApply(t -> new Draft(unquote(t), List.of(message.id())));
    }

    private static String unquote(String t) {
        String s = t.strip();
        if (s.length() > 1 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static <T> CompletableFuture<T> noModel() {
        return CompletableFuture.failedFuture(
                new IllegalStateException("Rewriting and reply suggestions need a language"
                        + " model: import a GGUF model or set a model server on this computer in Settings."));
    }

    @Override
    public void close() {
        // The engines are owned by whoever constructed them (the app), which closes them.
    }
}
