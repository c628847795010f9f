package dev.candor.ui.settings;

import dev.candor.ai.models.ModelDownloader;
import dev.candor.ai.models.ModelShelf;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the "AI models" section of Settings works with, built by the composition root only when
 * Settings is first opened (building it touches neither disk nor network).
 *
 * @param shelf the installed models and imports
 * @param downloader fetches a model, only when the user clicks Download
 * @param builtIn the speech model that ships inside the app, shown as built in
 * @param background runs the shelf's disk work (installed check, import, delete) off the FX thread
 */
public record ModelsParts(ModelShelf shelf, ModelDownloader downloader, BuiltInModel builtIn, Executor background) {

    /**
     * The model bundled with the app, which needs no download and cannot be deleted.
     *
     * @param title what the user sees
     * @param languages BCP 47 tags it understands
     * @param sizeBytes its size inside the app
     * @param licence its licence
     */
    public record BuiltInModel(String title, List<String> languages, long sizeBytes, String licence) {
        public BuiltInModel {
            languages = List.copyOf(languages);
        }
    }
}
