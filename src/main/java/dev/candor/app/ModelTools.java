package dev.candor.app;

import dev.candor.ai.models.ModelCatalogue;
import dev.candor.ai.models.ModelDownloader;
import dev.candor.ai.models.ModelShelf;
import dev.candor.ai.models.StorageSpace;
import dev.candor.ai.stt.vosk.BundledVoskModel;
import dev.candor.ui.settings.ModelsParts;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The app's one model shelf and downloader (with its HTTP client and download threads), built the
 * first time Settings asks for them, so start-up neither reads the catalogue nor starts an HTTP
 * client. Nothing here touches the network; a download starts only from the user's click.
 *
 * <p>Threads: {@link #get()} may be called from any thread; it is built once.
 */
final class ModelTools implements Supplier<ModelsParts>, AutoCloseable {
    /** Size of {@code vosk-model-en-0.3.45.aar}, the built-in model's archive in the app. */
    private static final long BUILT_IN_BYTES = 41_185_783L;

    private final Path modelsDir;
    private final Executor background;
    private ModelsParts parts;
    private ExecutorService downloads;

    ModelTools(Path modelsDir, Executor background) {
        this.modelsDir = modelsDir;
        this.background = background;
    }

    @Override
    public synchronized ModelsParts get() {
        if (parts == null) {
            downloads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "candor-model-download");
                t.setDaemon(true);
                return t;
            });
            // Model hosts (Hugging Face) answer with a redirect to their CDN; NORMAL follows it but
            // never from https to http.
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20))
                    .build();
            ModelShelf shelf = new ModelShelf(modelsDir, ModelCatalogue.builtIn(), StorageSpace.fileStore());
            parts = new ModelsParts(
                    shelf,
                    new ModelDownloader(http, shelf, downloads),
                    new ModelsParts.BuiltInModel(
                            "Vosk small US English (" + BundledVoskModel.NAME + ")",
                            List.of("en-US"),
                            BUILT_IN_BYTES,
                            "Apache-2.0"),
                    background);
        }
        return parts;
    }

    /** Stops running downloads; their parts stay on disk and resume next time. */
    @Override
    public synchronized void close() {
        if (downloads != null) downloads.shutdownNow();
    }
}
