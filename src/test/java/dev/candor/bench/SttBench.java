package dev.candor.bench;

import dev.candor.ai.SpeakerStream;
import dev.candor.ai.SpeechHealth;
import dev.candor.ai.SpeechStream;
import dev.candor.ai.StreamMode;
import dev.candor.ai.stt.AudioFileReader;
import dev.candor.ai.stt.SpeechFixtures;
import dev.candor.ai.stt.StreamingSpeechToText;
import dev.candor.ai.stt.TranscriptCollector;
import dev.candor.ai.stt.WordErrorRate;
import dev.candor.ai.stt.vosk.BundledVoskModel;
import dev.candor.ai.stt.vosk.VoskEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Speech to text with the default engine (Vosk, bundled small English model): first-use unpack and
 * model load time, real-time factor and word error rate per synthesised voice on a whole scripted
 * meeting, and peak memory (process RSS high-water mark and heap). Run with
 * {@code mvn -B -q -Pbench verify -Dbench=stt}; optional argument: the scripted meeting name.
 */
public final class SttBench {
    private SttBench() {}

    /** CPU time of this whole process (all threads, native included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        String meeting = args.length > 0 ? args[0] : "budget-review";
        Path tmp = Files.createTempDirectory("stt-bench");
        List<String> lines = SpeechFixtures.scriptLines(meeting);
        String reference = String.join(" ", lines);
        System.out.printf(
                Locale.ROOT,
                "script %s: %d lines, %d words; %d cores%n",
                meeting,
                lines.size(),
                WordErrorRate.tokens(reference).size(),
                Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        Path model = BundledVoskModel.fromClassPath(tmp.resolve("models")).install();
        long unpack = System.nanoTime() - t0;
        t0 = System.nanoTime();
        BundledVoskModel.fromClassPath(tmp.resolve("models")).install();
        long recheck = System.nanoTime() - t0;
        t0 = System.nanoTime();
        VoskEngine engine = VoskEngine.load(model);
        long load = System.nanoTime() - t0;
        System.out.printf(
                Locale.ROOT,
                "first-use unpack %.2f s, later start check %.1f ms, model load %.2f s%n",
                unpack / 1e9,
                recheck / 1e6,
                load / 1e9);

        long totalAudioMs = 0;
        double totalWall = 0;
        double totalCpu = 0;
        try (StreamingSpeechToText stt = new StreamingSpeechToText(engine, StreamingSpeechToText.Settings.defaults())) {
            for (String voice : List.of("kal", "slt", "rms", "awb", "espeak")) {
                short[] pcm = AudioFileReader.read(SpeechFixtures.voice(voice, reference, tmp))
                        .samples();
                TranscriptCollector out = new TranscriptCollector();
                SpeechStream stream = stt.open(new SpeakerStream(voice, "", 0), StreamMode.FILE, out);
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                for (int i = 0; i < pcm.length; i += 1600) {
                    stream.accept(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 1600)));
                }
                SpeechHealth h = stream.finish().get(10, TimeUnit.MINUTES);
                double wall = (System.nanoTime() - start) / 1e9;
                double cpu = (processCpuNanos() - cpuStart) / 1e9;
                totalCpu += cpu;
                double audio = pcm.length / 16_000.0;
                totalAudioMs += pcm.length / 16;
                totalWall += wall;
                System.out.printf(
                        Locale.ROOT,
                        "voice %-6s audio %6.1f s  RTF wall %.3f, CPU %.3f, engine %.3f  WER %5.1f %%  segments %d%n",
                        voice,
                        audio,
                        wall / audio,
                        cpu / audio,
                        h.realTimeFactor(),
                        100 * WordErrorRate.of(reference, out.text()),
                        out.segments.size());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "overall RTF wall %.3f, CPU %.3f (target <= 0.15; wall time counts other processes on a busy machine,"
                        + " CPU time is this process's own)%n",
                totalWall / (totalAudioMs / 1000.0),
                totalCpu / (totalAudioMs / 1000.0));
        System.gc();
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM"))
                .findFirst()
                .orElse("VmHWM: n/a")
                .replaceAll("\\s+", " ");
        System.out.printf(
                Locale.ROOT,
                "peak memory: process %s, Java heap peak %.0f MB (sum of pool peaks)%n",
                hwm.substring(hwm.indexOf(':') + 2),
                heapPeak / 1e6);
    }
}
