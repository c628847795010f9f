package dev.candor.ai.summary;

import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summarizer;
import dev.candor.ai.Summary;
import dev.candor.ai.SummaryProgress;
import dev.candor.ai.SummarySession;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The summariser that needs no download: OpenNLP for sentences and tags, MiniLM for topics and
 * redundancy, and rules for decisions, action items and open questions. Every line it writes is
 * retold from sentences of the meeting and cites them. Work runs on its own "candor-summary"
 * thread.
 */
public final class DefaultSummarizer implements Summarizer {
    public static final String ENGINE = "default";

    private final Analyser analyser;
    private final Worker worker = new Worker("candor-summary");

    /** Loads OpenNLP's English models and MiniLM from the class path (about a second). */
    public DefaultSummarizer() {
        this(new EnglishText(), new Embedder());
    }

    public DefaultSummarizer(EnglishText english, Embedder embedder) {
        this.analyser = new Analyser(english, embedder);
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public CompletableFuture<Summary> summarize(List<MeetingItem> items, SummaryProgress progress) {
        List<MeetingItem> copy = List.copyOf(items);
        return worker.submit(() -> {
            MeetingNotes notes = new MeetingNotes(analyser);
            int step = Math.max(1, copy.size() / 20);
            for (int i = 0; i < copy.size(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("summary cancelled");
                }
                notes.add(copy.get(i));
                if ((i + 1) % step == 0 || i + 1 == copy.size()) {
                    progress.update(i + 1, copy.size(), "read");
                }
            }
            return notes.summary(ENGINE);
        });
    }

    /** Summarises on the calling thread; for the command line and benchmarks, never the UI thread. */
    public Summary summarizeNow(List<MeetingItem> items) {
        MeetingNotes notes = new MeetingNotes(analyser);
        items.forEach(notes::add);
        return notes.summary(ENGINE);
    }

    @Override
    public SummarySession openSession() {
        return new Session(new MeetingNotes(analyser));
    }

    @Override
    public void close() {
        worker.close();
    }

    /** A running call's summary: each item is analysed when added, on the adding thread. */
    private final class Session implements SummarySession {
        private final MeetingNotes notes;

        Session(MeetingNotes notes) {
            this.notes = notes;
        }

        @Override
        public void add(MeetingItem item) {
            notes.add(item);
        }

        @Override
        public int size() {
            return notes.size();
        }

        @Override
        public CompletableFuture<Summary> soFar() {
            return worker.submit(() -> notes.summary(ENGINE));
        }

        /** The "so far" summary built on the calling thread (for benchmarks and the command line). */
        Summary soFarNow() {
            return notes.summary(ENGINE);
        }

        @Override
        public void close() {}
    }
}
