package dev.candor.ai.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.ai.SpeakerStream;
import dev.candor.ai.SpeechHealth;
import dev.candor.ai.SpeechStream;
import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.StreamMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The streaming machinery (queue, back-pressure, health, timing) with an engine whose speed the
 * test controls; the real Vosk engine is exercised in VoskSpeechToTextTest.
 */
class StreamingSpeechToTextTest {
    /** Recognises each utterance as one word per second of audio; optionally slow. */
    static final class MeteredEngine implements SpeechEngine {
        final AtomicLong samples = new AtomicLong();
        final AtomicLong cheaperCalls = new AtomicLong();
        final long nanosPerSecondOfAudio;
        volatile boolean failNext;

        MeteredEngine(Duration perSecondOfAudio) {
            this.nanosPerSecondOfAudio = perSecondOfAudio.toNanos();
        }

        @Override
        public String describe() {
            return "metered";
        }

        @Override
        public UtteranceRecogniser newRecogniser() {
            return new UtteranceRecogniser() {
                long utterance;
                boolean cheap;

                @Override
                public List<RecognisedWord> accept(short[] s, int length) {
                    if (failNext) {
                        throw new IllegalStateException("native crash");
                    }
                    samples.addAndGet(length);
                    utterance += length;
                    if (nanosPerSecondOfAudio > 0) {
                        long nanos = nanosPerSecondOfAudio * length / 16_000;
                        try {
                            TimeUnit.NANOSECONDS.sleep(nanos);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return List.of();
                }

                @Override
                public String partial() {
                    return "word ".repeat((int) Math.max(1, utterance / 16_000)).strip();
                }

                @Override
                public List<RecognisedWord> endUtterance() {
                    List<RecognisedWord> words = new ArrayList<>();
                    for (long ms = 0; ms < utterance / 16; ms += 1000) {
                        words.add(new RecognisedWord("word", ms, ms + 900, 1.0));
                    }
                    utterance = 0;
                    return words;
                }

                @Override
                public boolean useCheaperSetting() {
                    cheaperCalls.incrementAndGet();
                    boolean was = cheap;
                    cheap = true;
                    return !was;
                }

                @Override
                public boolean partialsEnabled() {
                    return !cheap;
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public void close() {}
    }

    static void feed(SpeechStream stream, short[] pcm) {
        for (int i = 0; i < pcm.length; i += 1600) {
            stream.accept(java.util.Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 1600)));
        }
    }

    @Test
    void silenceNeverReachesTheRecogniserAndSegmentsCarryCallTime() throws Exception {
        MeteredEngine engine = new MeteredEngine(Duration.ZERO);
        try (StreamingSpeechToText stt = new StreamingSpeechToText(engine, StreamingSpeechToText.Settings.defaults())) {
            TranscriptCollector out = new TranscriptCollector();
            SpeechStream s = stt.open(new SpeakerStream("p1", "Ana", 60_000), StreamMode.LIVE, out);
            feed(s, new short[16 * 5000]); // 5 s silence
            feed(s, SpeechFixtures.noise(2000, 4000, 1)); // 2 s "speech"
            feed(s, new short[16 * 5000]);
            s.finish().get(10, TimeUnit.SECONDS);
            long fedMs = engine.samples.get() / 16;
            assertThat(fedMs).as("speech + pre-roll + hangover only").isBetween(2000L, 3000L);
            assertThat(out.segments).hasSize(1);
            var seg = out.segments.get(0);
            assertThat(seg.speakerId()).isEqualTo("p1");
            assertThat(seg.startMs()).isBetween(60_000L + 4_600, 60_000L + 5_100);
            assertThat(seg.text()).isEqualTo("Word word word.");
        }
    }

    @Test
    void liveStreamThatFallsBehindReportsItAndSwitchesToTheCheaperSetting() throws Exception {
        MeteredEngine engine = new MeteredEngine(Duration.ofMillis(1500)); // 1.5x slower than real time
        var settings =
                StreamingSpeechToText.Settings.defaults().withQueue(Duration.ofSeconds(20), Duration.ofSeconds(2));
        try (StreamingSpeechToText stt = new StreamingSpeechToText(engine, settings)) {
            TranscriptCollector out = new TranscriptCollector();
            SpeechStream s = stt.open(new SpeakerStream("p1", "", 0), StreamMode.LIVE, out);
            feed(s, SpeechFixtures.noise(6000, 4000, 2));
            SpeechHealth end = s.finish().get(30, TimeUnit.SECONDS);
            assertThat(out.health).anyMatch(h -> h.state() == SpeechHealth.State.FALLING_BEHIND && h.cheaperSetting());
            assertThat(engine.cheaperCalls.get()).isPositive();
            assertThat(end.droppedMs()).isZero();
            assertThat(end.realTimeFactor()).isGreaterThan(1.0);
            assertThat(end.state()).isEqualTo(SpeechHealth.State.FINISHED);
        }
    }

    @Test
    void liveStreamNeverBlocksItsCallerAndCountsEveryDroppedMillisecond() throws Exception {
        MeteredEngine engine = new MeteredEngine(Duration.ofSeconds(2));
        var settings =
                StreamingSpeechToText.Settings.defaults().withQueue(Duration.ofSeconds(2), Duration.ofSeconds(1));
        try (StreamingSpeechToText stt = new StreamingSpeechToText(engine, settings)) {
            TranscriptCollector out = new TranscriptCollector();
            SpeechStream s = stt.open(new SpeakerStream("p1", "", 0), StreamMode.LIVE, out);
            short[] speech = SpeechFixtures.noise(10_000, 4000, 3);
            feed(s, speech); // would take 20 s to process; the caller must get through at once
            SpeechHealth fed = s.health();
            assertThat(fed.queuedMs()).isLessThanOrEqualTo(2000);
            assertThat(fed.droppedMs()).isGreaterThanOrEqualTo(10_000 - 2000 - 300);
            SpeechHealth end = s.finish().get(30, TimeUnit.SECONDS);
            assertThat(end.droppedMs() + engine.samples.get() / 16).isBetween(9_900L, 10_700L);
            assertThat(out.health).anyMatch(h -> h.state() == SpeechHealth.State.DROPPING_AUDIO);
        }
    }

    @Test
    void fileStreamWaitsForRoomAndDropsNothing() throws Exception {
        MeteredEngine engine = new MeteredEngine(Duration.ofMillis(50));
        var settings =
                StreamingSpeechToText.Settings.defaults().withQueue(Duration.ofSeconds(1), Duration.ofMillis(500));
        try (StreamingSpeechToText stt = new StreamingSpeechToText(engine, settings)) {
            TranscriptCollector out = new TranscriptCollector();
            SpeechStream s = stt.open(new SpeakerStream("file.wav", "", 0), StreamMode.FILE, out);
            feed(s, SpeechFixtures.noise(8000, 4000, 4));
            SpeechHealth end = s.finish().get(30, TimeUnit.SECONDS);
            assertThat(end.droppedMs()).isZero();
            assertThat(engine.samples.get() / 16).isGreaterThanOrEqualTo(8000);
            assertThat(engine.cheaperCalls.get()).isZero();
            assertThat(out.segments).isNotEmpty();
        }
    }

    @Test
    void engineFailureIsReportedAndFinishFailsWithAClearMessage() throws Exception {
        MeteredEngine engine = new MeteredEngine(Duration.ZERO);
        try (StreamingSpeechToText stt = new StreamingSpeechToText(engine, StreamingSpeechToText.Settings.defaults())) {
            TranscriptCollector out = new TranscriptCollector();
            SpeechStream s = stt.open(new SpeakerStream("p1", "", 0), StreamMode.LIVE, out);
            engine.failNext = true;
            feed(s, SpeechFixtures.noise(1000, 4000, 5));
            assertThatThrownBy(() -> s.finish().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(SpeechToTextException.class)
                    .hasMessageContaining("stopped working");
            assertThat(out.health).anyMatch(h -> h.state() == SpeechHealth.State.FAILED);
        }
    }

    @Test
    void manyStreamsShareTheWorkersAndEachGetsItsOwnSegments() throws Exception {
        MeteredEngine engine = new MeteredEngine(Duration.ofMillis(20));
        var settings = new StreamingSpeechToText.Settings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(3),
                Duration.ofMillis(300),
                2,
                VoiceActivityDetector.Settings.defaults(),
                SentenceRestorer.defaults());
        try (StreamingSpeechToText stt = new StreamingSpeechToText(engine, settings)) {
            List<TranscriptCollector> outs = new ArrayList<>();
            List<SpeechStream> streams = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                TranscriptCollector out = new TranscriptCollector();
                outs.add(out);
                streams.add(stt.open(new SpeakerStream("p" + i, "", 0), StreamMode.LIVE, out));
            }
            for (int i = 0; i < 6; i++) {
                feed(streams.get(i), SpeechFixtures.noise(2000, 4000, 10 + i));
            }
            for (SpeechStream s : streams) {
                s.finish().get(10, TimeUnit.SECONDS);
            }
            for (int i = 0; i < 6; i++) {
                assertThat(outs.get(i).segments).isNotEmpty();
                final String id = "p" + i;
                assertThat(outs.get(i).segments).allMatch(seg -> seg.speakerId().equals(id));
            }
        }
    }
}
