package dev.candor.ai.summary;

import dev.candor.ai.MeetingItem;
import dev.candor.ai.Summarizer;
import dev.candor.ai.Summary;
import dev.candor.ai.SummaryProgress;
import dev.candor.ai.SummarySession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The summariser that needs no download: OpenNLP for sentences and tags, MiniLM for topics and
 * redundancy, and rules for decisions, action items and open questions. Every line it writes is
 * retold from sentences of the meeting and cites them. Work runs on its own "candor-summary"
 * thread.
 */
public final class DefaultSummarizer implements Summarizer {
    public static final String ENGINE = "default";

    /** Items analysed per step of a summary from scratch: progress and cancellation between steps. */
    private static final int CHUNK = 16;

    private final Analyser analyser;
    private final Worker worker = new Worker("candor-summary");
    private final Worker helper = new Worker("candor-summary-helper");

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
            read(notes, copy, progress);
            return notes.summary(ENGINE);
        });
    }

    /** Summarises on the calling thread; for the command line and benchmarks, never the UI thread. */
    public Summary summarizeNow(List<MeetingItem> items) {
        MeetingNotes notes = new MeetingNotes(analyser);
        read(notes, List.copyOf(items), (done, total, what) -> {});
        return notes.summary(ENGINE);
    }

    /**
     * Reads a whole meeting: each chunk's items are analysed half on this thread and half on the
     * helper, since nearly all the time is one MiniLM inference per sentence and the session runs
     * single-threaded (see {@link Embedder}).
     */
    private void read(MeetingNotes notes, List<MeetingItem> items, SummaryProgress progress) {
        int n = items.size();
        for (int from = 0; from < n; from += CHUNK) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("summary cancelled");
            }
            int to = Math.min(n, from + CHUNK);
            int middle = from + (to - from) / 2;
            int base = notes.size() - from;
            int start = middle;
            CompletableFuture<List<Turn>> second = helper.submit(() -> analyse(items, start, to, base));
            List<Turn> first;
            try {
                first = analyse(items, from, middle, base);
            } catch (RuntimeException e) {
                second.cancel(true);
                throw e;
            }
            List<Turn> rest;
            try {
                rest = second.get();
            } catch (InterruptedException e) {
                second.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("summary cancelled");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
            notes.addAnalysed(first);
            notes.addAnalysed(rest);
            progress.update(to, n, "read");
        }
    }

    private List<Turn> analyse(List<MeetingItem> items, int from, int to, int base) {
        List<Turn> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(analyser.analyse(items.get(i), base + i));
        }
        return out;
    }

    @Override
    public SummarySession openSession() {
        return new Session(new MeetingNotes(analyser));
    }

    @Override
    public void close() {
        worker.close();
        helper.close();
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
