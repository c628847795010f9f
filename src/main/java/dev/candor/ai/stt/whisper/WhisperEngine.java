package dev.candor.ai.stt.whisper;

import dev.candor.ai.SpeechToText;
import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.stt.RecognisedWord;
import dev.candor.ai.stt.SpeechEngine;
import dev.candor.ai.stt.UtteranceRecogniser;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * whisper.cpp (through whisper-jni) behind {@link SpeechEngine}, for models the user downloaded. It
 * is not a streaming recogniser: each utterance the voice-activity detector delimits is buffered and
 * transcribed when it ends (or every {@value #MAX_UTTERANCE_S} s), so there are no partial results.
 * Its text comes punctuated; word times are spread over each segment by word length, and
 * confidence is not available (reported as 0.5).
 */
public final class WhisperEngine implements SpeechEngine {
    private static final Logger LOG = LoggerFactory.getLogger(WhisperEngine.class);
    static final int MAX_UTTERANCE_S = 25;
    /** "ggml" read as a little-endian 32-bit number: the first four bytes of every whisper.cpp model. */
    private static final byte[] MAGIC = {'l', 'm', 'g', 'g'};

    private static boolean libraryLoaded;

    private final WhisperJNI whisper;
    private final WhisperContext context;
    private final String name;
    private final int threads;

    private WhisperEngine(WhisperJNI whisper, WhisperContext context, String name, int threads) {
        this.whisper = whisper;
        this.context = context;
        this.name = name;
        this.threads = threads;
    }

    /**
     * Loads a whisper.cpp model file.
     *
     * @throws SpeechToTextException when the file is missing, is not a whisper.cpp model, or fails to
     *     load; the engine is then never used
     */
    public static WhisperEngine load(Path modelFile, int threads) {
        if (!Files.isRegularFile(modelFile)) {
            throw new SpeechToTextException("The whisper model file " + modelFile + " does not exist.");
        }
        try (InputStream in = Files.newInputStream(modelFile)) {
            byte[] head = in.readNBytes(4 + 11 * 4);
            if (head.length < 4 || !Arrays.equals(Arrays.copyOf(head, 4), MAGIC)) {
                throw new SpeechToTextException(
                        "The file " + modelFile.getFileName() + " is not a whisper.cpp model (ggml .bin file).");
            }
            // whisper.cpp loads a file that ends before its weights as an empty model "for testing";
            // a user's model cut short that way must be refused, so compare against the least its
            // hyper-parameters need.
            if (head.length < 48 || Files.size(modelFile) < minimumSize(head)) {
                throw new SpeechToTextException("The whisper model " + modelFile.getFileName()
                        + " is damaged (the file is shorter than its weights) and could not be loaded.");
            }
        } catch (IOException e) {
            throw new SpeechToTextException("The whisper model file " + modelFile + " cannot be read.", e);
        }
        WhisperJNI whisper = new WhisperJNI();
        try {
            loadLibrary();
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new SpeechToTextException("The whisper.cpp engine cannot run on this computer.", e);
        }
        WhisperContext ctx;
        try {
            ctx = whisper.initNoState(modelFile);
        } catch (IOException | RuntimeException e) {
            throw new SpeechToTextException(
                    "The whisper model " + modelFile.getFileName() + " is damaged and could not be loaded.", e);
        }
        if (ctx == null) {
            throw new SpeechToTextException(
                    "The whisper model " + modelFile.getFileName() + " is damaged and could not be loaded.");
        }
        LOG.info("whisper.cpp model loaded from {}", modelFile);
        return new WhisperEngine(whisper, ctx, modelFile.getFileName().toString(), Math.max(1, threads));
    }

    /** Bytes the position and token embeddings alone take, from the header's hyper-parameters. */
    static long minimumSize(byte[] header) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.position(4);
        long nVocab = b.getInt();
        long nAudioCtx = b.getInt();
        long nAudioState = b.getInt();
        b.getInt();
        b.getInt();
        long nTextCtx = b.getInt();
        long nTextState = b.getInt();
        if (nVocab <= 0 || nAudioCtx <= 0 || nAudioState <= 0 || nTextCtx <= 0 || nTextState <= 0) {
            return Long.MAX_VALUE;
        }
        // Positional embeddings are f32; token embeddings at least 4 bits a weight (quantised).
        return 4 * (nAudioCtx * nAudioState + nTextCtx * nTextState) + nVocab * nTextState / 2;
    }

    private static synchronized void loadLibrary() throws IOException {
        if (!libraryLoaded) {
            WhisperJNI.loadLibrary();
            WhisperJNI.setLibraryLogger(line -> LOG.debug("whisper.cpp: {}", line.strip()));
            libraryLoaded = true;
        }
    }

    @Override
    public String describe() {
        return "whisper.cpp, " + name;
    }

    @Override
    public UtteranceRecogniser newRecogniser() {
        WhisperState state = whisper.initState(context);
        if (state == null) {
            throw new SpeechToTextException("The whisper.cpp engine could not start a stream (out of memory?).");
        }
        return new WhisperRecogniser(state);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Buffers an utterance and transcribes it in one call when it ends. */
    private final class WhisperRecogniser implements UtteranceRecogniser {
        private final WhisperState state;
        private short[] buffer = new short[SpeechToText.SAMPLE_RATE * 5];
        private int fill;
        private long flushedMs; // audio of this utterance already transcribed
        private boolean cheap;

        WhisperRecogniser(WhisperState state) {
            this.state = state;
        }

        @Override
        public List<RecognisedWord> accept(short[] samples, int length) {
            List<RecognisedWord> out = new ArrayList<>();
            int limit = SpeechToText.SAMPLE_RATE * (cheap ? MAX_UTTERANCE_S / 2 : MAX_UTTERANCE_S);
            if (fill + length > limit) {
                out.addAll(transcribe());
            }
            if (fill + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, fill + length));
            }
            System.arraycopy(samples, 0, buffer, fill, length);
            fill += length;
            return out;
        }

        @Override
        public String partial() {
            return "";
        }

        @Override
        public List<RecognisedWord> endUtterance() {
            List<RecognisedWord> words = transcribe();
            flushedMs = 0;
            return words;
        }

        private List<RecognisedWord> transcribe() {
            if (fill < SpeechToText.SAMPLE_RATE / 10) {
                fill = 0;
                return List.of();
            }
            float[] pcm = new float[fill];
            for (int i = 0; i < fill; i++) {
                pcm[i] = buffer[i] / 32768f;
            }
            WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
            params.nThreads = threads;
            params.language = "auto";
            params.noContext = true;
            params.singleSegment = false;
            params.printProgress = false;
            params.printRealtime = false;
            params.printTimestamps = false;
            params.suppressNonSpeechTokens = true;
            if (cheap) {
                params.audioCtx = 768; // half the encoder window: faster, enough for <= 15 s
            }
            int rc = whisper.fullWithState(context, state, params, pcm, pcm.length);
            long base = flushedMs;
            long heardMs = fill * 1000L / SpeechToText.SAMPLE_RATE;
            flushedMs += heardMs;
            fill = 0;
            if (rc != 0) {
                throw new SpeechToTextException("whisper.cpp could not transcribe the audio (error " + rc + ").");
            }
            List<RecognisedWord> words = new ArrayList<>();
            int n = whisper.fullNSegmentsFromState(state);
            for (int i = 0; i < n; i++) {
                String text = whisper.fullGetSegmentTextFromState(state, i).strip();
                // whisper.cpp can place a segment past the end of the audio it was given (it thinks
                // in 30 s windows); a time outside what was heard would misplace words in the call.
                long t0 = base + Math.min(heardMs, whisper.fullGetSegmentTimestamp0FromState(state, i) * 10);
                long t1 = base + Math.min(heardMs, whisper.fullGetSegmentTimestamp1FromState(state, i) * 10);
                spread(text, t0, Math.max(t0, t1), words);
            }
            return words;
        }

        @Override
        public boolean useCheaperSetting() {
            boolean was = cheap;
            cheap = true;
            return !was;
        }

        @Override
        public boolean partialsEnabled() {
            return false;
        }

        @Override
        public void close() {
            state.close();
        }
    }

    /** Spreads a segment's time over its words in proportion to their length. */
    static void spread(String text, long start, long end, List<RecognisedWord> into) {
        String[] tokens = text.isBlank() ? new String[0] : text.split("\\s+");
        long chars = 0;
        for (String t : tokens) {
            chars += t.length() + 1;
        }
        long at = start;
        for (String t : tokens) {
            if (t.startsWith("[") || t.startsWith("(")) {
                continue; // [BLANK_AUDIO], (music) and similar annotations are not speech
            }
            long span = chars == 0 ? 0 : (end - start) * (t.length() + 1) / chars;
            into.add(new RecognisedWord(t, at, at + span, 0.5));
            at += span;
        }
    }
}
