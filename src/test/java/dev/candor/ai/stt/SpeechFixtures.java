package dev.candor.ai.stt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test speech: lines of the shared scripted meetings voiced by flite or espeak-ng and resampled by
 * sox to 16 kHz mono 16-bit WAV (all three are installed by .ci/run).
 */
public final class SpeechFixtures {
    private SpeechFixtures() {}

    public static Path sharedDir() {
        return Path.of(System.getProperty("candor.shared.dir", "../shared"));
    }

    /** Spoken lines of a scripted meeting, without the "SPEAKER:" prefix. */
    public static List<String> scriptLines(String meeting) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line :
                Files.readAllLines(sharedDir().resolve("eval/scripted/" + meeting + ".txt"), StandardCharsets.UTF_8)) {
            int colon = line.indexOf(':');
            String text = (colon > 0 && colon < 20 ? line.substring(colon + 1) : line).strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    /** Voices {@code text} with a flite voice (kal, slt, rms, awb) or "espeak", as 16 kHz mono WAV. */
    public static Path voice(String voice, String text, Path dir) throws IOException, InterruptedException {
        Path txt = Files.createTempFile(dir, "line-", ".txt");
        Files.writeString(txt, text, StandardCharsets.UTF_8);
        Path raw = Files.createTempFile(dir, "raw-", ".wav");
        Path out = Files.createTempFile(dir, voice + "-", ".wav");
        if (voice.startsWith("espeak")) {
            run("espeak-ng", "-f", txt.toString(), "-w", raw.toString());
        } else {
            run("flite", "-voice", voice, "-f", txt.toString(), "-o", raw.toString());
        }
        run("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", out.toString());
        return out;
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(
                    String.join(" ", command) + " failed (is it installed? .ci/run installs it): " + output);
        }
    }

    /** Gaussian noise of the given loudness: stands in for speech where only energy matters. */
    public static short[] noise(int ms, int amplitude, long seed) {
        java.util.Random r = new java.util.Random(seed);
        short[] s = new short[16 * ms];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, r.nextGaussian() * amplitude));
        }
        return s;
    }
}
