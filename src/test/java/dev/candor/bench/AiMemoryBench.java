package dev.candor.bench;

import dev.candor.ai.MeetingItem;
import dev.candor.ai.SpeakerStream;
import dev.candor.ai.SpeechStream;
import dev.candor.ai.StreamMode;
import dev.candor.ai.Summary;
import dev.candor.ai.SummarySession;
import dev.candor.ai.TranscriptSegment;
import dev.candor.ai.stt.AudioFileReader;
import dev.candor.ai.stt.SpeechFixtures;
import dev.candor.ai.stt.StreamingSpeechToText;
import dev.candor.ai.stt.TranscriptCollector;
import dev.candor.ai.stt.vosk.BundledVoskModel;
import dev.candor.ai.stt.vosk.VoskEngine;
import dev.candor.ai.summary.DefaultSummarizer;
import dev.candor.ai.summary.ScriptedAnswers;
import dev.candor.ai.summary.TranscriptFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the default AI engines add to the process when both run in one call: Vosk speech to text
 * and the default summariser loaded and working together, against the same JVM before either was
 * loaded. Prints RSS, PSS (anonymous and file-backed, from {@code /proc/self/smaps_rollup}) and
 * Java heap used after a full GC at each step. Runs in a child JVM with the app's own JVM options
 * (the POM's {@code app.jvmArgs}), since the collector and heap sizing decide much of the figure.
 * Run: {@code mvn -B -q -Pbench verify -Dbench=aiMemory}.
 */
public final class AiMemoryBench {
    private AiMemoryBench() {}

    public static void main(String[] args) throws Exception {
        String appArgs = System.getProperty("candor.app.jvmArgs");
        if (appArgs != null && !(args.length > 0 && args[0].equals("--child"))) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(Arrays.asList(appArgs.trim().split("\\s+")));
            command.add("-Dcandor.shared.dir=" + System.getProperty("candor.shared.dir"));
            command.addAll(
                    List.of("-cp", System.getProperty("java.class.path"), AiMemoryBench.class.getName(), "--child"));
            System.out.println("child JVM options: " + appArgs + "; MALLOC_ARENA_MAX="
                    + System.getenv().getOrDefault("MALLOC_ARENA_MAX", "(unset)"));
            int code = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (code != 0) {
                throw new IllegalStateException("memory benchmark failed: " + code);
            }
            return;
        }
        run();
    }

    private static void run() throws Exception {
        Path tmp = Files.createTempDirectory("ai-memory-bench");
        String reference = String.join(" ", SpeechFixtures.scriptLines("budget-review"));
        short[] pcm = AudioFileReader.read(SpeechFixtures.voice("kal", reference, tmp))
                .samples();
        List<MeetingItem> longest =
                TranscriptFile.read(ScriptedAnswers.sharedDir().resolve("eval/qmsum-val/covid_2.json"));
        Path modelDir = BundledVoskModel.fromClassPath(tmp.resolve("models")).install();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.now("JVM before the engines"));

        VoskEngine engine = VoskEngine.load(modelDir);
        StreamingSpeechToText stt = new StreamingSpeechToText(engine, StreamingSpeechToText.Settings.defaults());
        steps.add(Step.now("speech to text loaded"));
        TranscriptCollector heard = new TranscriptCollector();
        SpeechStream stream = stt.open(new SpeakerStream("kal", "Kal", 0), StreamMode.FILE, heard);
        for (int i = 0; i < pcm.length; i += 1600) {
            stream.accept(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 1600)));
        }
        stream.finish().get(10, TimeUnit.MINUTES);
        steps.add(Step.now("speech to text after " + pcm.length / 16_000 + " s of speech"));

        DefaultSummarizer summarizer = new DefaultSummarizer();
        steps.add(Step.now("summariser loaded"));
        SummarySession session = summarizer.openSession();
        for (TranscriptSegment s : heard.segments) {
            session.add(MeetingItem.of(s));
        }
        for (MeetingItem item : longest) {
            session.add(item);
        }
        Summary summary = session.soFar().get();
        steps.add(Step.now("summariser after " + session.size() + " turns ("
                + summary.keyPoints().size() + " key points)"));

        // Both engines at work at once, as in a call: another stretch of speech while the summary updates.
        SpeechStream again = stt.open(new SpeakerStream("kal2", "Kal", 0), StreamMode.FILE, heard);
        var update = session.soFar();
        for (int i = 0; i < pcm.length / 3; i += 1600) {
            again.accept(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 1600)));
        }
        again.finish().get(10, TimeUnit.MINUTES);
        update.get();
        steps.add(Step.now("both working together"));

        Step base = steps.get(0);
        System.out.printf(
                Locale.ROOT,
                "%-52s %8s %8s %9s %9s %9s%n",
                "step (MB, after full GC)",
                "RSS",
                "PSS",
                "PSS anon",
                "PSS file",
                "heap used");
        for (Step s : steps) {
            System.out.printf(
                    Locale.ROOT,
                    "%-52s %8.0f %8.0f %9.0f %9.0f %9.0f%n",
                    s.name,
                    s.rss,
                    s.pss,
                    s.pssAnon,
                    s.pssFile,
                    s.heapUsed);
        }
        Step sttLoaded = steps.get(1);
        Step sttWorked = steps.get(2);
        Step sumLoaded = steps.get(3);
        Step last = steps.get(steps.size() - 1);
        System.out.printf(
                Locale.ROOT,
                "breakdown of what the engines add (PSS): speech to text loaded %+.0f, working %+.0f;"
                        + " summariser loaded %+.0f, working %+.0f%n",
                sttLoaded.pss - base.pss,
                sttWorked.pss - sttLoaded.pss,
                sumLoaded.pss - sttWorked.pss,
                last.pss - sumLoaded.pss);
        System.out.printf(
                Locale.ROOT,
                "both engines add: RSS %+.0f MB, PSS %+.0f MB (anon %+.0f, file %+.0f), Java heap used %+.0f MB,"
                        + " committed heap %+.0f MB; process peak RSS %.0f MB (target: engines add < 400 MB)%n",
                last.rss - base.rss,
                last.pss - base.pss,
                last.pssAnon - base.pssAnon,
                last.pssFile - base.pssFile,
                last.heapUsed - base.heapUsed,
                last.heapCommitted - base.heapCommitted,
                status().getOrDefault("VmHWM", 0L) / 1024.0);
        stt.close();
        summarizer.close();
    }

    private record Step(
            String name,
            double rss,
            double pss,
            double pssAnon,
            double pssFile,
            double heapUsed,
            double heapCommitted) {
        static Step now(String name) throws IOException {
            System.gc();
            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            Map<String, Long> rollup = kb(Path.of("/proc/self/smaps_rollup"));
            return new Step(
                    name,
                    status().getOrDefault("VmRSS", 0L) / 1024.0,
                    rollup.getOrDefault("Pss", 0L) / 1024.0,
                    rollup.getOrDefault("Pss_Anon", 0L) / 1024.0,
                    rollup.getOrDefault("Pss_File", 0L) / 1024.0,
                    heap.getUsed() / 1048576.0,
                    heap.getCommitted() / 1048576.0);
        }
    }

    private static Map<String, Long> status() throws IOException {
        return kb(Path.of("/proc/self/status"));
    }

    /** "Name:   1234 kB" lines of a /proc file, in kB. */
    private static Map<String, Long> kb(Path file) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.endsWith(" kB")) {
                String digits = line.substring(colon + 1).replaceAll("[^0-9]", "");
                if (!digits.isEmpty()) {
                    out.put(line.substring(0, colon).strip(), Long.parseLong(digits));
                }
            }
        }
        return out;
    }
}
