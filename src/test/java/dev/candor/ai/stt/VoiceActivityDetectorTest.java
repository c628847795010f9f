package dev.candor.ai.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {
    record Run(long first, int length) {}

    static final class Recorder implements VoiceActivityDetector.Sink {
        final List<Run> runs = new ArrayList<>();
        final List<Long> pauses = new ArrayList<>();

        @Override
        public void speech(short[] samples, long firstSample) {
            runs.add(new Run(firstSample, samples.length));
        }

        @Override
        public void pause(long atSample) {
            pauses.add(atSample);
        }

        long speechSamples() {
            return runs.stream().mapToLong(Run::length).sum();
        }
    }

    @Test
    void digitalSilenceAndFaintNoiseAreNeverSpeech() {
        VoiceActivityDetector vad = new VoiceActivityDetector(VoiceActivityDetector.Settings.defaults());
        Recorder r = new Recorder();
        vad.accept(new short[16_000 * 3], r);
        vad.accept(SpeechFixtures.noise(3000, 20, 1), r);
        vad.finish(r);
        assertThat(r.runs).isEmpty();
        assertThat(r.pauses).isEmpty();
    }

    @Test
    void speechIsPassedOnWithPreRollAndHangoverThenOnePause() {
        VoiceActivityDetector vad = new VoiceActivityDetector(VoiceActivityDetector.Settings.defaults());
        Recorder r = new Recorder();
        vad.accept(SpeechFixtures.noise(2000, 20, 1), r); // learn the floor
        vad.accept(SpeechFixtures.noise(1000, 3000, 2), r); // speech from sample 32000
        vad.accept(SpeechFixtures.noise(2000, 20, 3), r);
        vad.finish(r);
        assertThat(r.runs.get(0).first()).isBetween(32_000L - 16 * 300, 32_000L);
        assertThat(r.speechSamples()).isBetween(16_000L, 16_000L + 16 * 1000);
        assertThat(r.pauses).hasSize(1);
        assertThat(r.pauses.get(0)).isBetween(48_000L, 48_000L + 16 * 700);
    }

    @Test
    void aShortPauseInsideSpeechDoesNotEndTheUtterance() {
        VoiceActivityDetector vad = new VoiceActivityDetector(VoiceActivityDetector.Settings.defaults());
        Recorder r = new Recorder();
        vad.accept(SpeechFixtures.noise(1000, 3000, 2), r);
        vad.accept(new short[16 * 300], r);
        vad.accept(SpeechFixtures.noise(1000, 3000, 3), r);
        vad.finish(r);
        assertThat(r.pauses).hasSize(1); // only at the end
        assertThat(r.speechSamples()).isEqualTo(16L * 2300);
    }

    @Test
    void chunksOfAnySizeGiveTheSameResult() {
        short[] audio = new short[16 * 4000];
        System.arraycopy(SpeechFixtures.noise(1500, 3000, 4), 0, audio, 16 * 1000, 16 * 1500);
        Recorder whole = new Recorder();
        VoiceActivityDetector a = new VoiceActivityDetector(VoiceActivityDetector.Settings.defaults());
        a.accept(audio, whole);
        a.finish(whole);
        Recorder odd = new Recorder();
        VoiceActivityDetector b = new VoiceActivityDetector(VoiceActivityDetector.Settings.defaults());
        for (int i = 0; i < audio.length; i += 333) {
            b.accept(java.util.Arrays.copyOfRange(audio, i, Math.min(audio.length, i + 333)), odd);
        }
        b.finish(odd);
        assertThat(odd.speechSamples()).isEqualTo(whole.speechSamples());
        assertThat(odd.pauses).isEqualTo(whole.pauses);
    }
}
