package dev.candor.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.candor.ai.SpeakerStream;
import dev.candor.ai.SpeechHealth;
import dev.candor.ai.SpeechStream;
import dev.candor.ai.SpeechToText;
import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.StreamMode;
import dev.candor.ai.TranscriptSegment;
import dev.candor.ai.models.ModelCatalogue;
import dev.candor.ai.models.ModelShelf;
import dev.candor.ai.models.StorageSpace;
import dev.candor.ai.stt.AudioFileReader;
import dev.candor.ai.stt.SpeechEngineLoader;
import dev.candor.ai.stt.StreamingSpeechToText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code candor transcribe FILE} — speech to text of an audio file with the on-device engine, as JSON
 * or text on standard output, progress and errors on standard error (the streams picocli was given).
 * Exit codes: 0 done, 1 the file cannot be used, 2 wrong usage, 3 the engine or model cannot be used.
 */
@Command(
        name = "transcribe",
        mixinStandardHelpOptions = true,
        description =
                "Transcribe an audio file (WAV, AIFF or AU; any rate, resampled to 16 kHz mono) on this computer.")
public final class TranscribeCommand implements java.util.concurrent.Callable<Integer> {
    static final int BAD_FILE = 1;
    static final int ENGINE_FAILED = 3;
    private static final long PROGRESS_AFTER_MS = 60_000;

    enum Format {
        json,
        text
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The audio file.")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "json or text (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--engine", description = "vosk (default) or whisper.")
    String engine;

    @Option(
            names = "--model",
            paramLabel = "PATH-or-NAME",
            description = "A model folder (Vosk) or file (whisper.cpp), or the name of an installed catalogue model.")
    String model;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Candor's data folder (models live in DIR/models).")
    Path dataDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AudioFileReader.Pcm pcm;
        try {
            pcm = AudioFileReader.read(file);
        } catch (SpeechToTextException e) {
            err.println("candor transcribe: " + e.getMessage());
            return BAD_FILE;
        }
        if (pcm.resampled() || pcm.sourceChannels() != 1) {
            err.printf(
                    Locale.ROOT,
                    "candor transcribe: converting %.0f Hz, %d channel(s) to 16000 Hz mono.%n",
                    pcm.sourceRate(),
                    pcm.sourceChannels());
        }
        Path data = dataDir != null ? dataDir : DataDirs.platformDefault();
        ModelShelf shelf = new ModelShelf(data.resolve("models"), ModelCatalogue.builtIn(), StorageSpace.fileStore());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<TranscriptSegment> segments = new CopyOnWriteArrayList<>();
        SpeechHealth end;
        String description;
        try (SpeechToText stt = new StreamingSpeechToText(
                new SpeechEngineLoader(shelf, threads).load(engine, model),
                StreamingSpeechToText.Settings.defaults())) {
            description = stt.describe();
            SpeechStream stream = stt.open(
                    new SpeakerStream(file.getFileName().toString(), "", 0), StreamMode.FILE, new Segments(segments));
            feed(stream, pcm, err);
            end = stream.finish().get(Math.max(60, pcm.durationMs() / 1000 * 4), TimeUnit.SECONDS);
        } catch (SpeechToTextException e) {
            err.println("candor transcribe: " + e.getMessage());
            return ENGINE_FAILED;
        } catch (ExecutionException e) {
            err.println("candor transcribe: " + e.getCause().getMessage());
            return ENGINE_FAILED;
        } catch (TimeoutException e) {
            err.println("candor transcribe: the speech engine did not finish in time.");
            return ENGINE_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ENGINE_FAILED;
        }
        if (format == Format.json) {
            out.println(json(pcm, description, segments, end));
        } else {
            for (TranscriptSegment s : segments) {
                out.printf(Locale.ROOT, "[%s - %s] %s%n", clock(s.startMs()), clock(s.endMs()), s.text());
            }
        }
        out.flush();
        return 0;
    }

    private static void feed(SpeechStream stream, AudioFileReader.Pcm pcm, PrintWriter err) {
        short[] s = pcm.samples();
        int chunk = SpeechToText.SAMPLE_RATE / 10;
        boolean report = pcm.durationMs() >= PROGRESS_AFTER_MS;
        int lastTenth = 0;
        for (int i = 0; i < s.length; i += chunk) {
            stream.accept(Arrays.copyOfRange(s, i, Math.min(s.length, i + chunk)));
            int tenth = (int) ((long) i * 10 / s.length);
            if (report && tenth > lastTenth) {
                lastTenth = tenth;
                err.printf(
                        Locale.ROOT,
                        "candor transcribe: %d%% (%s of %s)%n",
                        tenth * 10,
                        clock(i * 1000L / SpeechToText.SAMPLE_RATE),
                        clock(pcm.durationMs()));
                err.flush();
            }
        }
    }

    private String json(
            AudioFileReader.Pcm pcm, String description, List<TranscriptSegment> segments, SpeechHealth end) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", file.toString());
        doc.put("engine", description);
        doc.put("durationMs", pcm.durationMs());
        doc.put("sourceSampleRate", (int) pcm.sourceRate());
        doc.put("sourceChannels", pcm.sourceChannels());
        doc.put("realTimeFactor", Math.round(end.realTimeFactor() * 1000) / 1000.0);
        List<Map<String, Object>> segs = new ArrayList<>();
        for (TranscriptSegment s : segments) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("startMs", s.startMs());
            m.put("endMs", s.endMs());
            m.put("text", s.text());
            m.put("words", s.words());
            segs.add(m);
        }
        doc.put("segments", segs);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transcript could not be written as JSON", e);
        }
    }

    static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%d", s / 3600, s / 60 % 60, s % 60, ms % 1000 / 100);
    }

    /** Keeps final segments; partials are of no use to a file transcript. */
    private record Segments(List<TranscriptSegment> into) implements dev.candor.ai.TranscriptListener {
        @Override
        public void onPartial(dev.candor.ai.PartialTranscript partial) {}

        @Override
        public void onSegment(TranscriptSegment segment) {
            into.add(segment);
        }
    }
}
