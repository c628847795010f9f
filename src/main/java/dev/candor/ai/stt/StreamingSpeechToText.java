package dev.candor.ai.stt;

import dev.candor.ai.PartialTranscript;
import dev.candor.ai.SpeakerStream;
import dev.candor.ai.SpeechHealth;
import dev.candor.ai.SpeechStream;
import dev.candor.ai.SpeechToText;
import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.StreamMode;
import dev.candor.ai.TranscriptListener;
import dev.candor.ai.TranscriptSegment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming {@link SpeechToText} on top of any {@link SpeechEngine}: voice-activity detection on
 * the caller's thread (silence never reaches the engine), a bounded queue per stream, and a small
 * shared worker pool that recognises, restores sentences and reports health.
 *
 * <p>Back-pressure policy: each stream queues at most {@link Settings#queueLimit()} of speech. A
 * {@link StreamMode#LIVE} stream never blocks its caller: a chunk that does not fit is dropped whole,
 * its duration added to {@code droppedMs}, the current utterance is closed at the gap, and the
 * listener is told (state {@code DROPPING_AUDIO}, at most about once a second). When more than
 * {@link Settings#behindAfter()} is queued the stream reports {@code FALLING_BEHIND} and asks its
 * recogniser for its cheaper setting (kept for the rest of the stream). A {@link StreamMode#FILE}
 * stream waits for room instead and drops nothing.
 *
 * <p>Threads: {@code accept} runs on the feeding thread; recognition and all listener calls run on
 * the pool threads ("stt-worker-N"), one at a time per stream.
 */
public final class StreamingSpeechToText implements SpeechToText {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingSpeechToText.class);
    private static final int SAMPLES_PER_MS = SAMPLE_RATE / 1000;

    /**
     * Tuning for every stream of this engine.
     *
     * @param queueLimit most speech a stream may have waiting
     * @param behindAfter queued speech beyond which a live stream is falling behind
     * @param partialEvery how often to ask for a partial result while someone speaks
     * @param workers threads shared by all streams
     */
    public record Settings(
            Duration queueLimit,
            Duration behindAfter,
            Duration partialEvery,
            int workers,
            VoiceActivityDetector.Settings vad,
            SentenceRestorer sentences) {
        public static Settings defaults() {
            return new Settings(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(3),
                    Duration.ofMillis(300),
                    Math.max(1, Runtime.getRuntime().availableProcessors()),
                    VoiceActivityDetector.Settings.defaults(),
                    SentenceRestorer.defaults());
        }

        public Settings withQueue(Duration limit, Duration behind) {
            return new Settings(limit, behind, partialEvery, workers, vad, sentences);
        }
    }

    private final SpeechEngine engine;
    private final Settings settings;
    private final ExecutorService pool;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public StreamingSpeechToText(SpeechEngine engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "stt-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String describe() {
        return engine.describe();
    }

    @Override
    public SpeechStream open(SpeakerStream speaker, StreamMode mode, TranscriptListener listener) {
        if (closed) {
            throw new IllegalStateException("speech to text is closed");
        }
        Stream s = new Stream(speaker, mode, listener, engine.newRecogniser());
        streams.add(s);
        return s;
    }

    @Override
    public void close() {
        closed = true;
        for (Stream s : List.copyOf(streams)) {
            s.close();
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("speech-to-text workers still busy after 10 s; freeing the model anyway");
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
    }

    private sealed interface Item permits Speech, Pause, End {}

    private record Speech(short[] samples, long firstSample) implements Item {}

    private record Pause(long atSample) implements Item {}

    private record End() implements Item {}

    private final class Stream implements SpeechStream, VoiceActivityDetector.Sink {
        private final SpeakerStream speaker;
        private final StreamMode mode;
        private final TranscriptListener listener;
        private final UtteranceRecogniser recogniser;
        private final VoiceActivityDetector vad;
        private final long queueLimitSamples;
        private final long behindSamples;
        private final CompletableFuture<SpeechHealth> done = new CompletableFuture<>();

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition room = lock.newCondition();
        private final ArrayDeque<Item> queue = new ArrayDeque<>();
        private long queuedSamples;
        private long droppedSamples;
        private boolean gapPending;
        private boolean scheduled;
        private boolean finishing;
        private boolean closedStream;

        // Worker-side state (one worker at a time per stream).
        private long utteranceStart = -1;
        private long samplesSincePartial;
        private String lastPartial = "";
        private int segmentSeq;
        private volatile long processedSamples;
        private volatile long processingNanos;
        private volatile boolean cheaper;
        private volatile SpeechHealth.State state = SpeechHealth.State.KEEPING_UP;
        private volatile String failure = "";
        private long reportedDropped;
        private long lastDropReportNanos;

        Stream(SpeakerStream speaker, StreamMode mode, TranscriptListener listener, UtteranceRecogniser recogniser) {
            this.speaker = speaker;
            this.mode = mode;
            this.listener = listener;
            this.recogniser = recogniser;
            this.vad = new VoiceActivityDetector(settings.vad());
            this.queueLimitSamples = settings.queueLimit().toMillis() * SAMPLES_PER_MS;
            this.behindSamples = settings.behindAfter().toMillis() * SAMPLES_PER_MS;
        }

        @Override
        public void accept(short[] pcm) {
            lock.lock();
            try {
                if (finishing || closedStream) {
                    throw new IllegalStateException("stream already finished");
                }
                if (state == SpeechHealth.State.FAILED) {
                    droppedSamples += pcm.length;
                    return;
                }
                vad.accept(pcm, this);
            } finally {
                lock.unlock();
            }
        }

        // VAD sink: called with the lock held, on the feeding thread.
        @Override
        public void speech(short[] samples, long firstSample) {
            if (mode == StreamMode.FILE) {
                while (queuedSamples > 0 && queuedSamples + samples.length > queueLimitSamples && !closedStream) {
                    room.awaitUninterruptibly();
                }
            } else if (queuedSamples + samples.length > queueLimitSamples) {
                droppedSamples += samples.length;
                gapPending = true;
                schedule(); // the worker reports the drop even if it is idle
                return;
            }
            if (gapPending) {
                queue.add(new Pause(firstSample));
                gapPending = false;
            }
            queue.add(new Speech(samples, firstSample));
            queuedSamples += samples.length;
            schedule();
        }

        @Override
        public void pause(long atSample) {
            gapPending = false;
            queue.add(new Pause(atSample));
            schedule();
        }

        @Override
        public CompletableFuture<SpeechHealth> finish() {
            lock.lock();
            try {
                if (!finishing && !closedStream) {
                    finishing = true;
                    vad.finish(this);
                    queue.add(new End());
                    schedule();
                }
            } finally {
                lock.unlock();
            }
            return done;
        }

        @Override
        public SpeechHealth health() {
            long queued;
            long dropped;
            lock.lock();
            try {
                queued = queuedSamples;
                dropped = droppedSamples;
            } finally {
                lock.unlock();
            }
            return healthNow(queued, dropped, messageFor(state, dropped));
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (closedStream) {
                    return;
                }
                closedStream = true;
                finishing = true;
                for (Item i : queue) {
                    if (i instanceof Speech sp) {
                        droppedSamples += sp.samples().length;
                    }
                }
                queue.clear();
                queuedSamples = 0;
                queue.add(new End());
                room.signalAll();
                schedule();
            } finally {
                lock.unlock();
            }
        }

        private void schedule() {
            if (!scheduled) {
                scheduled = true;
                try {
                    pool.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    scheduled = false;
                    releaseRecogniser();
                    done.complete(healthNow(0, droppedSamples, "The speech engine was shut down."));
                }
            }
        }

        /** Runs on a pool thread; yields after a while so many streams share few threads fairly. */
        private void drain() {
            long sliceEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (true) {
                Item item;
                long queued;
                long dropped;
                lock.lock();
                try {
                    item = queue.poll();
                    if (item instanceof Speech sp) {
                        queuedSamples -= sp.samples().length;
                        room.signalAll();
                    }
                    queued = queuedSamples;
                    dropped = droppedSamples;
                    if (item != null && System.nanoTime() > sliceEnd) {
                        queue.addFirst(item);
                        if (item instanceof Speech sp) {
                            queuedSamples += sp.samples().length;
                        }
                        item = null;
                    }
                } finally {
                    lock.unlock();
                }
                reportHealth(queued, dropped);
                if (item == null) {
                    // Hand back only after the report: another worker may start on this stream at once.
                    lock.lock();
                    try {
                        scheduled = false;
                        if (!queue.isEmpty()) {
                            schedule();
                        }
                    } finally {
                        lock.unlock();
                    }
                    return;
                }
                if (state == SpeechHealth.State.FAILED && !(item instanceof End)) {
                    continue;
                }
                try {
                    process(item);
                } catch (RuntimeException e) {
                    fail(e);
                }
                if (item instanceof End) {
                    return;
                }
            }
        }

        private void process(Item item) {
            if (item instanceof Speech sp) {
                if (utteranceStart < 0) {
                    utteranceStart = sp.firstSample();
                }
                long t0 = System.nanoTime();
                List<RecognisedWord> words = recogniser.accept(sp.samples(), sp.samples().length);
                processingNanos += System.nanoTime() - t0;
                processedSamples += sp.samples().length;
                if (!words.isEmpty()) {
                    emit(words);
                }
                samplesSincePartial += sp.samples().length;
                if (recogniser.partialsEnabled()
                        && samplesSincePartial >= settings.partialEvery().toMillis() * SAMPLES_PER_MS) {
                    samplesSincePartial = 0;
                    String partial = recogniser.partial();
                    if (!partial.isEmpty() && !partial.equals(lastPartial)) {
                        lastPartial = partial;
                        call(() -> listener.onPartial(
                                new PartialTranscript(speaker.speakerId(), callMs(utteranceStart), partial)));
                    }
                }
            } else if (item instanceof Pause) {
                endUtterance();
            } else if (item instanceof End) {
                if (state != SpeechHealth.State.FAILED) {
                    endUtterance();
                }
                releaseRecogniser();
                SpeechHealth last;
                lock.lock();
                try {
                    if (state != SpeechHealth.State.FAILED) {
                        state = SpeechHealth.State.FINISHED;
                    }
                    last = healthNow(queuedSamples, droppedSamples, messageFor(state, droppedSamples));
                } finally {
                    lock.unlock();
                }
                if (last.state() == SpeechHealth.State.FAILED) {
                    done.completeExceptionally(new SpeechToTextException(failure));
                } else {
                    done.complete(last);
                }
            }
        }

        private void endUtterance() {
            if (utteranceStart < 0) {
                return;
            }
            long t0 = System.nanoTime();
            List<RecognisedWord> words = recogniser.endUtterance();
            processingNanos += System.nanoTime() - t0;
            if (!words.isEmpty()) {
                emit(words);
            }
            utteranceStart = -1;
            samplesSincePartial = 0;
            lastPartial = "";
        }

        /** One final segment per restored sentence, so each carries its own times. */
        private void emit(List<RecognisedWord> words) {
            long base = callMs(utteranceStart);
            for (List<RecognisedWord> sentence : settings.sentences().sentences(words)) {
                String text = SentenceRestorer.sentenceText(sentence);
                if (text.isBlank()) {
                    continue;
                }
                List<TranscriptSegment.Word> timed = new ArrayList<>(sentence.size());
                for (RecognisedWord w : sentence) {
                    timed.add(
                            new TranscriptSegment.Word(w.text(), base + w.startMs(), base + w.endMs(), w.confidence()));
                }
                long start = timed.get(0).startMs();
                long end = timed.get(timed.size() - 1).endMs();
                String id = speaker.speakerId() + "@" + speaker.callOffsetMs() + "#" + (++segmentSeq);
                TranscriptSegment segment =
                        new TranscriptSegment(id, speaker.speakerId(), speaker.speakerName(), start, end, text, timed);
                call(() -> listener.onSegment(segment));
            }
            lastPartial = "";
        }

        private long callMs(long sample) {
            return speaker.callOffsetMs() + sample / SAMPLES_PER_MS;
        }

        private void reportHealth(long queued, long dropped) {
            if (state == SpeechHealth.State.FAILED || state == SpeechHealth.State.FINISHED) {
                return;
            }
            SpeechHealth.State next = state;
            long now = System.nanoTime();
            if (mode == StreamMode.LIVE && dropped > reportedDropped) {
                if (next != SpeechHealth.State.DROPPING_AUDIO
                        || now - lastDropReportNanos > TimeUnit.SECONDS.toNanos(1)) {
                    reportedDropped = dropped;
                    lastDropReportNanos = now;
                    goCheaper();
                    state = SpeechHealth.State.DROPPING_AUDIO;
                    SpeechHealth h = healthNow(queued, dropped, messageFor(state, dropped));
                    LOG.warn(
                            "speech to text dropped {} ms of audio for a stream (queue full)",
                            dropped / SAMPLES_PER_MS);
                    call(() -> listener.onHealth(h));
                }
                return;
            }
            if (mode == StreamMode.LIVE && queued > behindSamples) {
                next = SpeechHealth.State.FALLING_BEHIND;
            } else if (queued < behindSamples / 4 && now - lastDropReportNanos > TimeUnit.SECONDS.toNanos(1)) {
                next = SpeechHealth.State.KEEPING_UP;
            }
            if (next != state) {
                if (next == SpeechHealth.State.FALLING_BEHIND) {
                    goCheaper();
                }
                state = next;
                SpeechHealth h = healthNow(queued, dropped, messageFor(next, dropped));
                LOG.info("speech to text stream is now {} (queued {} ms)", next, queued / SAMPLES_PER_MS);
                call(() -> listener.onHealth(h));
            }
        }

        private void goCheaper() {
            if (!cheaper) {
                // The recogniser belongs to the worker; this runs on the worker or under the drain.
                cheaper = recogniser.useCheaperSetting() || cheaper;
            }
        }

        private String messageFor(SpeechHealth.State s, long dropped) {
            return switch (s) {
                case KEEPING_UP, FINISHED ->
                    dropped == 0
                            ? ""
                            : String.format(
                                    java.util.Locale.ROOT,
                                    "%.1f s of audio could not be transcribed because the computer was too busy.",
                                    dropped / (double) SAMPLE_RATE);
                case FALLING_BEHIND ->
                    cheaper
                            ? "Transcription is falling behind; switched to a faster, less accurate setting."
                            : "Transcription is falling behind the conversation.";
                case DROPPING_AUDIO ->
                    String.format(
                            java.util.Locale.ROOT,
                            "Transcription cannot keep up: %.1f s of audio skipped so far.",
                            dropped / (double) SAMPLE_RATE);
                case FAILED -> failure;
            };
        }

        private SpeechHealth healthNow(long queued, long dropped, String message) {
            long processed = processedSamples;
            double rtf = processed == 0 ? 0 : (processingNanos / 1e9) / (processed / (double) SAMPLE_RATE);
            return new SpeechHealth(state, rtf, queued / SAMPLES_PER_MS, dropped / SAMPLES_PER_MS, cheaper, message);
        }

        private void fail(RuntimeException e) {
            LOG.error("speech-to-text engine failed on a stream", e);
            failure = "The speech engine stopped working: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            state = SpeechHealth.State.FAILED;
            SpeechHealth h = healthNow(0, droppedSamples, failure);
            call(() -> listener.onHealth(h));
        }

        private void releaseRecogniser() {
            streams.remove(this);
            try {
                recogniser.close();
            } catch (RuntimeException e) {
                LOG.warn("closing a recogniser failed", e);
            }
        }

        private void call(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("transcript listener threw; carrying on", e);
            }
        }
    }
}
