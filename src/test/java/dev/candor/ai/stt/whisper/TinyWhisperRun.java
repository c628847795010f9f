package dev.candor.ai.stt.whisper;

import dev.candor.ai.SpeakerStream;
import dev.candor.ai.SpeechStream;
import dev.candor.ai.StreamMode;
import dev.candor.ai.stt.AudioFileReader;
import dev.candor.ai.stt.StreamingSpeechToText;
import dev.candor.ai.stt.TranscriptCollector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Forked-JVM side of {@link WhisperEngineTest}: transcribes a WAV with a whisper model file, closes
 * everything, prints what happened and returns normally, so the JVM has to end by itself.
 */
public final class TinyWhisperRun {
    private TinyWhisperRun() {}

    public static void main(String[] args) throws Exception {
        short[] pcm = AudioFileReader.read(Path.of(args[1])).samples();
        TranscriptCollector out = new TranscriptCollector();
        try (StreamingSpeechToText stt = new StreamingSpeechToText(
                WhisperEngine.load(Path.of(args[0]), 2), StreamingSpeechToText.Settings.defaults())) {
            SpeechStream stream = stt.open(new SpeakerStream("ana", "Ana", 0), StreamMode.FILE, out);
            for (int i = 0; i < pcm.length; i += 1600) {
                stream.accept(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 1600)));
            }
            stream.finish().get(60, TimeUnit.SECONDS);
        }
        System.out.println("SEGMENTS " + out.segments.size());
        out.segments.forEach(s -> System.out.println("SEGMENT " + s.startMs() + "-" + s.endMs() + " " + s.text()));
        System.out.println("CLOSED");
    }
}
