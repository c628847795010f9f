package dev.candor.ai.stt.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.ai.SpeakerStream;
import dev.candor.ai.SpeechHealth;
import dev.candor.ai.SpeechStream;
import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.StreamMode;
import dev.candor.ai.TranscriptSegment;
import dev.candor.ai.stt.AudioFileReader;
import dev.candor.ai.stt.SpeechFixtures;
import dev.candor.ai.stt.StreamingSpeechToText;
import dev.candor.ai.stt.TranscriptCollector;
import dev.candor.ai.stt.WordErrorRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default engine for real: the bundled Vosk model on speech synthesised in the test. */
class VoskSpeechToTextTest {
    @TempDir
    static Path data;

    static Path modelDir;
    static StreamingSpeechToText stt;
    static String reference;
    static final Map<String, Path> audio = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void loadModel() throws IOException {
        modelDir = BundledVoskModel.fromClassPath(data.resolve("models")).install();
        stt = new StreamingSpeechToText(VoskEngine.load(modelDir), StreamingSpeechToText.Settings.defaults());
        reference = String.join(" ", SpeechFixtures.scriptLines("budget-review").subList(0, 6));
    }

    @AfterAll
    static void close() {
        stt.close();
    }

    static Path voiced(String voice) throws Exception {
        Path p = audio.get(voice);
        if (p == null) {
            p = SpeechFixtures.voice(voice, reference, data);
            audio.put(voice, p);
        }
        return p;
    }

    static final Map<String, TranscriptCollector> fileTranscripts = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each voice is transcribed once as a file; several tests look at the result. */
    static TranscriptCollector fileTranscript(String voice) throws Exception {
        TranscriptCollector out = fileTranscripts.get(voice);
        if (out == null) {
            out = transcribe(AudioFileReader.read(voiced(voice)).samples(), StreamMode.FILE, 100, 0);
            fileTranscripts.put(voice, out);
        }
        return out;
    }

    static TranscriptCollector transcribe(short[] pcm, StreamMode mode, int chunkMs, long pauseMsPerChunk)
            throws Exception {
        TranscriptCollector out = new TranscriptCollector();
        SpeechStream stream = stt.open(new SpeakerStream("ana", "Ana", 5_000), mode, out);
        int chunk = 16 * chunkMs;
        for (int i = 0; i < pcm.length; i += chunk) {
            stream.accept(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + chunk)));
            if (pauseMsPerChunk > 0) {
                Thread.sleep(pauseMsPerChunk);
            }
        }
        stream.finish().get(60, TimeUnit.SECONDS);
        return out;
    }

    // Bounds set from measurement on this machine (see README, Speech to text) with some margin.
    @ParameterizedTest(name = "{0}: WER below {1}")
    @CsvSource({"slt, 0.15", "rms, 0.15", "awb, 0.18", "kal, 0.25", "espeak, 0.45"})
    void transcribesSynthesisedVoicesWithinMeasuredWordErrorRate(String voice, double bound) throws Exception {
        TranscriptCollector out = fileTranscript(voice);
        double wer = WordErrorRate.of(reference, out.text());
        System.err.printf("voice %s WER %.3f: %s%n", voice, wer, out.text());
        assertThat(wer).isLessThan(bound);
    }

    @Test
    void finalSegmentsAreReadableSentencesWithWordTimesInCallTime() throws Exception {
        TranscriptCollector out = fileTranscript("slt");
        assertThat(out.segments).isNotEmpty();
        String text = out.text();
        assertThat(text).matches("^[A-Z].*[.?]$");
        assertThat(text.split("[.?] [A-Z]").length)
                .as("sentence breaks in: " + text)
                .isGreaterThanOrEqualTo(4);
        assertThat(text).contains(" I ");
        long durationMs = AudioFileReader.read(voiced("slt")).durationMs();
        for (TranscriptSegment s : out.segments) {
            assertThat(s.speakerId()).isEqualTo("ana");
            assertThat(s.speakerName()).isEqualTo("Ana");
            assertThat(s.startMs()).isBetween(5_000L, 5_000L + durationMs);
            assertThat(s.endMs()).isBetween(s.startMs(), 5_000L + durationMs + 100);
            assertThat(s.words()).isNotEmpty();
            assertThat(s.words().get(0).startMs()).isEqualTo(s.startMs());
        }
        List<TranscriptSegment.Word> words =
                out.segments.stream().flatMap(s -> s.words().stream()).toList();
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).startMs())
                    .isGreaterThanOrEqualTo(words.get(i - 1).startMs());
        }
    }

    @Test
    void partialResultsArriveWhileLiveAudioStreamsBeforeTheFinalSegment() throws Exception {
        short[] first4s = Arrays.copyOf(AudioFileReader.read(voiced("rms")).samples(), 16 * 4000);
        TranscriptCollector out = transcribe(first4s, StreamMode.LIVE, 100, 40); // 2.5x real time
        assertThat(out.health).noneMatch(h -> h.droppedMs() > 0);
        assertThat(out.partials).isNotEmpty();
        int firstPartial = out.events.indexOf(out.partials.get(0));
        int firstSegment = out.events.indexOf(out.segments.get(0));
        assertThat(firstPartial).isLessThan(firstSegment);
        assertThat(out.partials.get(0).speakerId()).isEqualTo("ana");
        assertThat(out.partials.get(0).text()).isNotBlank();
    }

    @Test
    void silenceAndQuietNoiseProduceNoSegmentsAndNeverReachTheRecogniser() throws Exception {
        TranscriptCollector out = new TranscriptCollector();
        SpeechStream stream = stt.open(new SpeakerStream("bo", "", 0), StreamMode.LIVE, out);
        Random random = new Random(7);
        for (int c = 0; c < 100; c++) { // 10 s: 5 s digital silence, 5 s faint hiss
            short[] chunk = new short[1600];
            if (c >= 50) {
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (short) (random.nextGaussian() * 30);
                }
            }
            stream.accept(chunk);
        }
        SpeechHealth end = stream.finish().get(10, TimeUnit.SECONDS);
        assertThat(out.segments).isEmpty();
        assertThat(out.partials).isEmpty();
        assertThat(end.realTimeFactor()).as("no audio was processed").isZero();
        assertThat(end.droppedMs()).isZero();
    }

    @Test
    void liveStreamFedFarFasterThanRealTimeDropsCountsAndReportsAudioButNeverBlocks() throws Exception {
        short[] pcm = AudioFileReader.read(voiced("slt")).samples(); // ~30 s, fed at once
        TranscriptCollector out = new TranscriptCollector();
        SpeechStream stream = stt.open(new SpeakerStream("cy", "", 0), StreamMode.LIVE, out);
        for (int i = 0; i < pcm.length; i += 1600) {
            stream.accept(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 1600)));
        }
        SpeechHealth fed = stream.health();
        SpeechHealth end = stream.finish().get(60, TimeUnit.SECONDS);
        assertThat(fed.queuedMs()).isLessThanOrEqualTo(10_000); // the bound held
        assertThat(end.droppedMs()).isPositive();
        assertThat(out.health)
                .anyMatch(h -> h.state() == SpeechHealth.State.DROPPING_AUDIO
                        && h.droppedMs() > 0
                        && h.message().contains("skipped"));
        assertThat(end.cheaperSetting()).isTrue();
        assertThat(out.segments).isNotEmpty(); // what was kept is still transcribed
    }

    @Test
    void missingModelFolderGivesAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> VoskEngine.load(dir.resolve("nothing-here")))
                .isInstanceOf(SpeechToTextException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void corruptModelGivesAClearErrorAndNoEngine(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("broken-model");
        try (var files = Files.walk(modelDir)) {
            for (Path p : files.toList()) {
                Path to = copy.resolve(modelDir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path mdl = copy.resolve("am/final.mdl");
        byte[] head = Arrays.copyOf(Files.readAllBytes(mdl), 4096);
        Files.write(mdl, head); // truncated acoustic model
        assertThatThrownBy(() -> VoskEngine.load(copy))
                .isInstanceOf(SpeechToTextException.class)
                .hasMessageContaining("damaged");
        Files.delete(copy.resolve("conf/mfcc.conf"));
        assertThatThrownBy(() -> VoskEngine.load(copy))
                .isInstanceOf(SpeechToTextException.class)
                .hasMessageContaining("not a complete Vosk speech model");
    }
}
