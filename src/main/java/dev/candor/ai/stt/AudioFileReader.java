package dev.candor.ai.stt;

import dev.candor.ai.SpeechToText;
import dev.candor.ai.SpeechToTextException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads an audio file (WAV, AIFF, AU through javax.sound) as 16 kHz mono PCM for speech to text:
 * any sample size or channel count is mixed down, any rate resampled with a windowed-sinc filter.
 * A file that is not audio, is empty or is cut short gets a {@link SpeechToTextException} whose
 * message says so in one line.
 */
public final class AudioFileReader {
    /** What was read, and what the file was before conversion. */
    public record Pcm(short[] samples, float sourceRate, int sourceChannels, boolean resampled) {
        public long durationMs() {
            return samples.length * 1000L / SpeechToText.SAMPLE_RATE;
        }
    }

    private AudioFileReader() {}

    /** Reads the whole file as 16 kHz mono. */
    public static Pcm read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SpeechToTextException(file + ": no such file.");
        }
        try {
            if (Files.size(file) == 0) {
                throw new SpeechToTextException(file + ": the file is empty.");
            }
        } catch (IOException e) {
            throw new SpeechToTextException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat src = in.getFormat();
            int channels = src.getChannels();
            float rate = src.getSampleRate();
            if (channels < 1 || rate <= 0 || rate == AudioSystem.NOT_SPECIFIED) {
                throw new SpeechToTextException(file + ": the audio format (" + src + ") is not supported.");
            }
            AudioFormat pcm16 =
                    new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, channels, channels * 2, rate, false);
            AudioInputStream converted;
            try {
                converted = src.matches(pcm16) ? in : AudioSystem.getAudioInputStream(pcm16, in);
            } catch (IllegalArgumentException e) {
                throw new SpeechToTextException(
                        file + ": the audio encoding " + src.getEncoding() + " is not supported.", e);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            converted.transferTo(bytes);
            byte[] b = bytes.toByteArray();
            long expectedFrames = in.getFrameLength();
            long frames = b.length / (2L * channels);
            if (frames == 0) {
                throw new SpeechToTextException(file + ": the file holds no audio.");
            }
            if (expectedFrames != AudioSystem.NOT_SPECIFIED && frames < expectedFrames) {
                throw new SpeechToTextException(String.format(
                        Locale.ROOT,
                        "%s: the file is truncated (%.1f s of the %.1f s its header announces).",
                        file,
                        frames / rate,
                        expectedFrames / rate));
            }
            short[] mono = new short[(int) frames];
            for (int f = 0; f < frames; f++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    int at = (f * channels + c) * 2;
                    sum += (short) ((b[at] & 0xff) | (b[at + 1] << 8));
                }
                mono[f] = (short) (sum / channels);
            }
            boolean resample = Math.abs(rate - SpeechToText.SAMPLE_RATE) > 0.5f;
            short[] out = resample ? resample(mono, rate, SpeechToText.SAMPLE_RATE) : mono;
            return new Pcm(out, rate, channels, resample);
        } catch (UnsupportedAudioFileException e) {
            throw new SpeechToTextException(file + ": not an audio file Candor can read (use WAV, AIFF or AU).", e);
        } catch (IOException e) {
            throw new SpeechToTextException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Band-limited resampling: each output sample is a Hann-windowed sinc sum of the input around it,
     * with the cut-off lowered when downsampling so nothing above the new Nyquist frequency aliases.
     */
    static short[] resample(short[] in, double fromRate, double toRate) {
        double ratio = fromRate / toRate;
        double cutoff = Math.min(1.0, 1.0 / ratio) * 0.95;
        int halfTaps = (int) Math.ceil(12 * Math.max(1.0, ratio));
        int n = (int) Math.floor(in.length / ratio);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double t = i * ratio;
            int centre = (int) Math.floor(t);
            double acc = 0;
            double norm = 0;
            for (int k = centre - halfTaps + 1; k <= centre + halfTaps; k++) {
                if (k < 0 || k >= in.length) {
                    continue;
                }
                double x = t - k;
                double arg = Math.PI * cutoff * x;
                double sinc = Math.abs(arg) < 1e-9 ? 1.0 : Math.sin(arg) / arg;
                double window = 0.5 + 0.5 * Math.cos(Math.PI * x / halfTaps);
                double w = sinc * window;
                acc += in[k] * w;
                norm += w;
            }
            double v = norm == 0 ? 0 : acc / norm;
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
        return out;
    }
}
