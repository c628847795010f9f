package dev.candor.ai.stt.vosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.SpeechToText;
import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.stt.NativeHeap;
import dev.candor.ai.stt.RecognisedWord;
import dev.candor.ai.stt.SpeechEngine;
import dev.candor.ai.stt.UtteranceRecogniser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk (Kaldi) behind {@link SpeechEngine}: one loaded model shared by every stream, one recogniser
 * per stream, word timings on. Vosk's natives come inside its jar (JNA); the model is a folder.
 */
public final class VoskEngine implements SpeechEngine {
    private static final Logger LOG = LoggerFactory.getLogger(VoskEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Files every Vosk model folder has; checked first so a wrong folder gets a clear message. */
    private static final List<String> REQUIRED = List.of("am/final.mdl", "conf/mfcc.conf");

    /** At most one trim of the C heap per 20 s: it walks the heap, utterances end every few seconds. */
    private static final long TRIM_INTERVAL_MS = 20_000;

    /** glibc arenas once the engines load: each thread's own arena keeps what it once used. */
    private static final int MALLOC_ARENAS = 2;

    private final Model model;
    private final String name;
    private final NativeHeap heap;

    private VoskEngine(Model model, String name, NativeHeap heap) {
        this.model = model;
        this.name = name;
        this.heap = heap;
    }

    /**
     * Loads the model folder.
     *
     * @throws SpeechToTextException when the folder is missing, is not a Vosk model, or fails to load
     */
    public static VoskEngine load(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new SpeechToTextException("The speech model folder " + modelDir + " does not exist.");
        }
        for (String f : REQUIRED) {
            if (!Files.isRegularFile(modelDir.resolve(f))) {
                throw new SpeechToTextException(
                        "The folder " + modelDir + " is not a complete Vosk speech model (" + f + " is missing).");
            }
        }
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new SpeechToTextException("The Vosk speech engine cannot run on this computer.", e);
        }
        try {
            // Speech to text and the summariser allocate natively on several threads; capping the
            // arenas (as MALLOC_ARENA_MAX would, but whatever launched us) keeps their freed memory
            // in few heaps that trimming can give back.
            NativeHeap heap = new NativeHeap(TRIM_INTERVAL_MS);
            heap.limitArenas(MALLOC_ARENAS);
            Model model = new Model(modelDir.toString());
            LOG.info("Vosk model loaded from {}", modelDir);
            return new VoskEngine(model, modelDir.getFileName().toString(), heap);
        } catch (IOException | RuntimeException e) {
            throw new SpeechToTextException(
                    "The Vosk speech model in " + modelDir + " is damaged and could not be loaded.", e);
        }
    }

    @Override
    public String describe() {
        return "Vosk, " + name;
    }

    @Override
    public UtteranceRecogniser newRecogniser() {
        try {
            Recognizer r = new Recognizer(model, SpeechToText.SAMPLE_RATE);
            r.setWords(true);
            r.setPartialWords(false);
            r.setMaxAlternatives(0);
            return new VoskRecogniser(r, heap);
        } catch (IOException e) {
            throw new SpeechToTextException("The Vosk speech recogniser could not be created.", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }

    /** One stream's recogniser; reset at each utterance so word times start at zero. */
    private static final class VoskRecogniser implements UtteranceRecogniser {
        private final Recognizer recognizer;
        private final NativeHeap heap;
        private boolean partials = true;
        private boolean dirty;
        // Vosk keeps counting time across results and resets; word times are made relative to
        // the start of the utterance by subtracting what had been fed before it.
        private long fedSamples;
        private long utteranceStartSample;

        VoskRecogniser(Recognizer recognizer, NativeHeap heap) {
            this.recognizer = recognizer;
            this.heap = heap;
        }

        @Override
        public List<RecognisedWord> accept(short[] samples, int length) {
            dirty = true;
            fedSamples += length;
            if (recognizer.acceptWaveForm(samples, length)) {
                return words(recognizer.getResult(), utteranceStartSample);
            }
            return List.of();
        }

        @Override
        public String partial() {
            if (!dirty) {
                return "";
            }
            return parse(recognizer.getPartialResult()).path("partial").asText("");
        }

        @Override
        public List<RecognisedWord> endUtterance() {
            if (!dirty) {
                return List.of();
            }
            List<RecognisedWord> words = words(recognizer.getFinalResult(), utteranceStartSample);
            recognizer.reset();
            dirty = false;
            utteranceStartSample = fedSamples;
            // The decoder freed its buffers for this utterance; give the pages back between utterances.
            heap.trimSoon();
            return words;
        }

        @Override
        public boolean useCheaperSetting() {
            // Partial results re-decode the lattice several times a second; final results do not
            // need them. Vosk's beam is fixed in the model's config, so this is the one lever.
            if (!partials) {
                return false;
            }
            partials = false;
            return true;
        }

        @Override
        public boolean partialsEnabled() {
            return partials;
        }

        @Override
        public void close() {
            recognizer.close();
            heap.trimNow();
        }

        private static List<RecognisedWord> words(String json, long offsetSamples) {
            long offsetMs = offsetSamples * 1000 / SpeechToText.SAMPLE_RATE;
            JsonNode result = parse(json).path("result");
            List<RecognisedWord> words = new ArrayList<>(result.size());
            for (JsonNode w : result) {
                String text = w.path("word").asText("");
                if (text.isEmpty() || text.equals("[unk]")) {
                    continue;
                }
                words.add(new RecognisedWord(
                        text,
                        Math.max(0, Math.round(w.path("start").asDouble() * 1000) - offsetMs),
                        Math.max(0, Math.round(w.path("end").asDouble() * 1000) - offsetMs),
                        w.path("conf").asDouble(1.0)));
            }
            return words;
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                throw new SpeechToTextException("Vosk returned a result that could not be read.", e);
            }
        }
    }
}
