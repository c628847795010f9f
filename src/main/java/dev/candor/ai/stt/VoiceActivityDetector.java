package dev.candor.ai.stt;

/**
 * Energy-based voice-activity detection with an adaptive noise floor, onset confirmation, pre-roll
 * and hangover, so that silence never reaches a recogniser and words are not clipped at either end.
 * Works on 20 ms frames of 16 kHz mono PCM; costs a few microseconds per frame. Not thread-safe: one
 * stream's feeding thread owns it.
 */
public final class VoiceActivityDetector {
    /** Receives speech runs and the pauses that end utterances, in stream order. */
    public interface Sink {
        /** Contiguous speech samples whose first sample has the given index in the stream. */
        void speech(short[] samples, long firstSample);

        /** Speech ended (after the hangover); the next speech starts a new utterance. */
        void pause(long atSample);
    }

    /**
     * Tuning. Thresholds are in dB relative to full scale.
     *
     * @param marginDb how far above the noise floor a frame must be to count as speech
     * @param minSpeechDb frames quieter than this are never speech, whatever the floor
     * @param onsetFrames consecutive speech frames needed to start an utterance
     * @param preRollMs audio kept from before the onset (word beginnings are quiet)
     * @param hangoverMs silence after speech still sent on, before the utterance ends
     */
    public record Settings(double marginDb, double minSpeechDb, int onsetFrames, int preRollMs, int hangoverMs) {
        /** Values measured on synthesised and recorded meeting speech at 16 kHz. */
        public static Settings defaults() {
            return new Settings(12.0, -50.0, 2, 300, 600);
        }
    }

    static final int FRAME = 320; // 20 ms at 16 kHz
    private static final double FLOOR_MIN_DB = -80.0;

    private final Settings settings;
    private final short[] frame = new short[FRAME];
    private int frameFill;
    private long frameStart; // stream index of frame[0]
    private long nextSample; // stream index of the next incoming sample

    private final short[][] preRoll;
    private final long[] preRollStart;
    private int preRollCount;
    private int preRollHead;

    private boolean inSpeech;
    private int speechRun;
    private int silenceRun;
    private final int hangoverFrames;
    private double floorDb = -60.0;

    // Output assembled per accept call so one chunk yields at most a few sink calls.
    private short[] out = new short[FRAME * 8];
    private int outFill;
    private long outStart = -1;

    public VoiceActivityDetector(Settings settings) {
        this.settings = settings;
        int preRollFrames = Math.max(settings.onsetFrames(), settings.preRollMs() / 20);
        this.preRoll = new short[preRollFrames][FRAME];
        this.preRollStart = new long[preRollFrames];
        this.hangoverFrames = Math.max(1, settings.hangoverMs() / 20);
    }

    /** Whether the detector is inside an utterance now. */
    public boolean inSpeech() {
        return inSpeech;
    }

    /** Samples seen so far on this stream (speech and silence). */
    public long samplesSeen() {
        return nextSample;
    }

    /** Feeds the next chunk of the stream; calls the sink for speech runs and pauses found. */
    public void accept(short[] chunk, Sink sink) {
        int i = 0;
        while (i < chunk.length) {
            if (frameFill == 0) {
                frameStart = nextSample;
            }
            int n = Math.min(FRAME - frameFill, chunk.length - i);
            System.arraycopy(chunk, i, frame, frameFill, n);
            frameFill += n;
            nextSample += n;
            i += n;
            if (frameFill == FRAME) {
                frameFill = 0;
                onFrame(sink);
            }
        }
        flushOut(sink);
    }

    /** Ends the stream: the partial last frame is judged and an open utterance is closed. */
    public void finish(Sink sink) {
        if (frameFill > 0 && inSpeech) {
            append(frame, frameFill, frameStart, sink);
        }
        frameFill = 0;
        flushOut(sink);
        if (inSpeech) {
            inSpeech = false;
            sink.pause(nextSample);
        }
        speechRun = 0;
        preRollCount = 0;
    }

    private void onFrame(Sink sink) {
        double db = levelDb(frame);
        boolean loud = db >= settings.minSpeechDb() && db >= floorDb + settings.marginDb();
        if (!inSpeech) {
            trackFloor(db, loud);
            pushPreRoll();
            speechRun = loud ? speechRun + 1 : 0;
            if (speechRun >= settings.onsetFrames()) {
                inSpeech = true;
                silenceRun = 0;
                emitPreRoll(sink);
            }
            return;
        }
        append(frame, FRAME, frameStart, sink);
        if (loud) {
            silenceRun = 0;
        } else if (++silenceRun >= hangoverFrames) {
            inSpeech = false;
            speechRun = 0;
            preRollCount = 0;
            flushOut(sink);
            sink.pause(frameStart + FRAME);
            trackFloor(db, false);
        }
    }

    private void trackFloor(double db, boolean loud) {
        double level = Math.max(FLOOR_MIN_DB, db);
        if (level < floorDb) {
            floorDb += 0.3 * (level - floorDb); // fall fast: quiet moments reveal the floor
        } else if (!loud) {
            floorDb += 0.02 * (level - floorDb); // rise slowly with steady background noise
        } else {
            floorDb += 0.002 * (level - floorDb); // creep, so a constant loud hum is learnt eventually
        }
    }

    private void pushPreRoll() {
        int slot = (preRollHead + preRollCount) % preRoll.length;
        if (preRollCount == preRoll.length) {
            slot = preRollHead;
            preRollHead = (preRollHead + 1) % preRoll.length;
        } else {
            preRollCount++;
        }
        System.arraycopy(frame, 0, preRoll[slot], 0, FRAME);
        preRollStart[slot] = frameStart;
    }

    private void emitPreRoll(Sink sink) {
        for (int k = 0; k < preRollCount; k++) {
            int slot = (preRollHead + k) % preRoll.length;
            append(preRoll[slot], FRAME, preRollStart[slot], sink);
        }
        preRollCount = 0;
        preRollHead = 0;
    }

    private void append(short[] samples, int length, long start, Sink sink) {
        if (outFill > 0 && outStart + outFill != start) {
            flushOut(sink);
        }
        if (outFill == 0) {
            outStart = start;
        }
        if (outFill + length > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, outFill + length));
        }
        System.arraycopy(samples, 0, out, outFill, length);
        outFill += length;
    }

    private void flushOut(Sink sink) {
        if (outFill > 0) {
            sink.speech(java.util.Arrays.copyOf(out, outFill), outStart);
            outFill = 0;
        }
    }

    static double levelDb(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        double rms = Math.sqrt(sum / samples.length);
        return 20 * Math.log10(Math.max(rms, 1e-3) / 32768.0);
    }
}
