package dev.candor.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MicrophoneMeterTest {
    private static byte[] sine(double amplitude, int samples) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short s = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    @Test
    void silenceReadsZeroAndAFullScaleToneReadsNearlyOne() {
        assertThat(MicrophoneMeter.level(new byte[1600], 1600)).isZero();
        // A full-scale sine has an RMS of -3 dBFS: (60 - 3) / 60.
        assertThat(MicrophoneMeter.level(sine(1.0, 800), 1600)).isCloseTo(0.95, within(0.01));
    }

    @Test
    void aTenTimesQuieterToneReadsTwentyDecibelsLower() {
        double loud = MicrophoneMeter.level(sine(0.5, 800), 1600);
        double quiet = MicrophoneMeter.level(sine(0.05, 800), 1600);

        assertThat(loud - quiet).isCloseTo(20 / 60.0, within(0.01));
    }
}
