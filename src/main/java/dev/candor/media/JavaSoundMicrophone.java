package dev.candor.media;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/** The system's default microphone through javax.sound's {@link TargetDataLine}. */
public final class JavaSoundMicrophone implements MicrophoneSource {
    private static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    @Override
    public MicrophoneInput open() throws MicrophoneException {
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, FORMAT);
        TargetDataLine line;
        try {
            if (!AudioSystem.isLineSupported(info)) {
                throw new MicrophoneException(Problem.NO_MICROPHONE, "no capture line for " + FORMAT, null);
            }
            line = (TargetDataLine) AudioSystem.getLine(info);
            line.open(FORMAT, (int) (SAMPLE_RATE / 10) * 2);
        } catch (LineUnavailableException e) {
            throw new MicrophoneException(Problem.BUSY, "microphone in use: " + e.getMessage(), e);
        } catch (SecurityException e) {
            throw new MicrophoneException(Problem.PERMISSION_DENIED, "microphone not allowed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MicrophoneException(Problem.NO_MICROPHONE, "no microphone: " + e.getMessage(), e);
        }
        line.start();
        return new MicrophoneInput() {
            @Override
            public int read(byte[] buffer, int offset, int length) {
                return line.read(buffer, offset, length);
            }

            @Override
            public void close() {
                line.stop();
                line.close();
            }
        };
    }
}
