package dev.candor.ai.stt;

import dev.candor.ai.SpeechToTextException;
import dev.candor.ai.models.CatalogueModel;
import dev.candor.ai.models.ModelShelf;
import dev.candor.ai.stt.vosk.BundledVoskModel;
import dev.candor.ai.stt.vosk.VoskEngine;
import dev.candor.ai.stt.whisper.WhisperEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the user's choice (engine name, and a model path or catalogue name, or nothing) into a
 * loaded {@link SpeechEngine}. With no choice it is Vosk with the bundled small English model, which
 * needs no download. Catalogue models are used only once installed; nothing is fetched here.
 */
public final class SpeechEngineLoader {
    private final ModelShelf shelf;
    private final int whisperThreads;

    public SpeechEngineLoader(ModelShelf shelf, int whisperThreads) {
        this.shelf = shelf;
        this.whisperThreads = whisperThreads;
    }

    /**
     * @param engine "vosk", "whisper", or null to follow the model (Vosk if no model either)
     * @param model a model folder or file, a catalogue name, or null for the default
     * @throws SpeechToTextException with a message for the user when the choice cannot be loaded
     */
    public SpeechEngine load(String engine, String model) {
        String kind = engine == null ? null : engine.toLowerCase(Locale.ROOT);
        if (kind != null && !kind.equals("vosk") && !kind.equals("whisper")) {
            throw new SpeechToTextException("Unknown speech engine '" + engine + "' (use vosk or whisper).");
        }
        if (model == null || model.isBlank()) {
            if (kind == null || kind.equals("vosk")) {
                return VoskEngine.load(
                        BundledVoskModel.fromClassPath(shelf.dir()).install());
            }
            Optional<CatalogueModel> whisper = shelf.installed().stream()
                    .filter(m -> m.engine().equals("whisper"))
                    .findFirst();
            if (whisper.isEmpty()) {
                throw new SpeechToTextException("No whisper model is installed. Download one from the model "
                        + "catalogue first (" + catalogueNames("whisper") + ").");
            }
            return WhisperEngine.load(shelf.modelPath(whisper.get()).orElseThrow(), whisperThreads);
        }
        Optional<CatalogueModel> listed = shelf.catalogue().find(model);
        if (listed.isPresent()) {
            CatalogueModel m = listed.get();
            if (kind != null && !kind.equals(m.engine())) {
                throw new SpeechToTextException(
                        "The model " + m.id() + " is for " + m.engine() + ", not " + kind + ".");
            }
            Path path = shelf.modelPath(m)
                    .orElseThrow(() -> new SpeechToTextException("The model " + m.id()
                            + " is not installed. Models are downloaded only when you ask for them."));
            return m.engine().equals("whisper") ? WhisperEngine.load(path, whisperThreads) : VoskEngine.load(path);
        }
        if (model.equals(BundledVoskModel.NAME)) {
            return VoskEngine.load(BundledVoskModel.fromClassPath(shelf.dir()).install());
        }
        Path path = Path.of(model);
        if (!Files.exists(path)) {
            throw new SpeechToTextException("No model named '" + model
                    + "': not a file or folder, and not in the catalogue (" + catalogueNames(null) + ").");
        }
        boolean whisper = kind == null ? Files.isRegularFile(path) : kind.equals("whisper");
        return whisper ? WhisperEngine.load(path, whisperThreads) : VoskEngine.load(path);
    }

    private String catalogueNames(String engine) {
        return String.join(
                ", ",
                shelf.catalogue().models().stream()
                        .filter(m -> engine == null || m.engine().equals(engine))
                        .map(CatalogueModel::id)
                        .toList());
    }
}
