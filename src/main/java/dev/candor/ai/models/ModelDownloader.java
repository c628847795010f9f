package dev.candor.ai.models;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a catalogue model in the background, only when the user asks: progress as it goes, resume
 * after an interruption (HTTP Range on the kept {@code .part} file), cancel, a disk-space check
 * before and during the download, and the SHA-256 verified before anything is installed. A file
 * that fails its checksum is deleted; a cut-off download is kept for resuming and never used.
 *
 * <p>Threads: each download runs on the executor passed in; listener calls come from that thread.
 */
public final class ModelDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);
    private static final long PROGRESS_STEP = 256 * 1024;

    /** Progress of one download, from its worker thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param bytes bytes on disk so far (including a resumed part)
         * @param total expected size, or -1 if unknown
         */
        void onProgress(long bytes, long total);
    }

    /** A running download: its outcome (the installed model's path) and a way to stop it. */
    public static final class Download {
        private final CompletableFuture<Path> result = new CompletableFuture<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        // The response body being read, so cancel can close it: a stalled connection (Wi-Fi gone)
        // would otherwise keep the worker blocked in read() until the OS gives up.
        private volatile InputStream body;

        /** Completes with the installed model path, or with a {@link ModelInstallException}. */
        public CompletableFuture<Path> result() {
            return result;
        }

        /** Stops the download, even a stalled one; the part fetched so far is kept so a later download resumes. */
        public void cancel() {
            cancelled.set(true);
            closeBody();
        }

        private void closeBody() {
            InputStream b = body;
            if (b != null) {
                try {
                    b.close();
                } catch (IOException e) {
                    LOG.debug("closing a cancelled download's response failed", e);
                }
            }
        }
    }

    private final HttpClient http;
    private final ModelShelf shelf;
    private final Executor executor;

    public ModelDownloader(HttpClient http, ModelShelf shelf, Executor executor) {
        this.http = http;
        this.shelf = shelf;
        this.executor = executor;
    }

    /** Starts fetching {@code model}; returns at once. */
    public Download download(CatalogueModel model, Progress progress) {
        Download d = new Download();
        executor.execute(() -> {
            try {
                d.result.complete(run(model, progress, d));
            } catch (ModelInstallException e) {
                LOG.warn("model download of {} failed: {}", model.id(), e.getMessage());
                d.result.completeExceptionally(e);
            } catch (CancellationException e) {
                d.result.completeExceptionally(new ModelInstallException(
                        "The download of " + model.title() + " was cancelled; starting it again resumes it."));
            } catch (RuntimeException e) {
                LOG.error("model download of {} failed", model.id(), e);
                d.result.completeExceptionally(new ModelInstallException("The download failed: " + e, e));
            }
        });
        return d;
    }

    private Path run(CatalogueModel m, Progress progress, Download download) throws ModelInstallException {
        AtomicBoolean cancelled = download.cancelled;
        if (!m.verifiable()) {
            throw new ModelInstallException("The catalogue has no checksum for " + m.title()
                    + " yet, so Candor will not download it (it could not be verified).");
        }
        if (shelf.isInstalled(m)) {
            return shelf.modelPath(m).orElseThrow();
        }
        Path part = shelf.partFile(m);
        try {
            Files.createDirectories(shelf.dir());
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            long need = (m.sizeBytes() - have) + (m.zipped() ? 2 * m.sizeBytes() : m.sizeBytes());
            if (shelf.space().usableBytes(shelf.dir()) < need) {
                throw new ModelInstallException(ModelShelf.notEnoughSpace(m, need));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(m.url()))
                    .timeout(Duration.ofSeconds(30))
                    .GET();
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            long expectedTotal;
            boolean append;
            try (InputStream body = response.body()) {
                download.body = body;
                if (cancelled.get()) {
                    throw new CancellationException();
                }
                long length =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (status == 206 && have > 0) {
                    append = true;
                    expectedTotal = length < 0 ? m.sizeBytes() : have + length;
                } else if (status == 200) {
                    append = false;
                    have = 0;
                    expectedTotal = length < 0 ? m.sizeBytes() : length;
                } else if (status == 416 && have > 0) {
                    append = true; // the part is already whole; verify it
                    expectedTotal = have;
                } else {
                    throw new ModelInstallException(String.format(
                            Locale.ROOT,
                            "The model server answered HTTP %d for %s; nothing was installed.",
                            status,
                            m.title()));
                }
                if (status != 416) {
                    have = fetch(body, part, append, have, expectedTotal, progress, cancelled);
                }
            }
            if (expectedTotal > 0 && have < expectedTotal) {
                throw new ModelInstallException(String.format(
                        Locale.ROOT,
                        "The download of %s stopped early (%d of %d MB); try again to resume it.",
                        m.title(),
                        have / 1_000_000,
                        expectedTotal / 1_000_000));
            }
            String actual = ModelShelf.sha256Of(part);
            if (!actual.equals(m.sha256())) {
                Files.deleteIfExists(part);
                throw new ModelInstallException("The downloaded " + m.title()
                        + " does not match its checksum, so it was deleted and nothing was installed.");
            }
            Path installed = shelf.install(m, part);
            Files.deleteIfExists(part);
            return installed;
        } catch (ConnectException e) {
            throw new ModelInstallException(
                    "The model server could not be reached; check the connection and try again.", e);
        } catch (HttpTimeoutException e) {
            throw new ModelInstallException("The model server did not answer in time; try again to resume.", e);
        } catch (IOException e) {
            if (cancelled.get()) {
                throw new CancellationException("cancelled while reading"); // cancel closed the stream
            }
            String msg = ModelFolders.explain("The download of " + m.title() + " failed", e);
            if (!msg.contains("disk is full")) {
                msg = "The download of " + m.title() + " was interrupted (" + e.getMessage()
                        + "); try again to resume it.";
            }
            throw new ModelInstallException(msg, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private long fetch(
            InputStream body,
            Path part,
            boolean append,
            long have,
            long total,
            Progress progress,
            AtomicBoolean cancelled)
            throws IOException, ModelInstallException {
        byte[] buf = new byte[1 << 16];
        long sinceProgress = 0;
        long budget = shelf.space().usableBytes(shelf.dir());
        long written = 0;
        try (FileChannel out = FileChannel.open(
                part,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            progress.onProgress(have, total);
            int n;
            while ((n = body.read(buf)) > 0) {
                if (cancelled.get()) {
                    throw new CancellationException();
                }
                if (written + n > budget) {
                    throw new ModelInstallException("Not enough disk space to finish the download; free some space "
                            + "and try again to resume it.");
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                written += n;
                have += n;
                sinceProgress += n;
                if (sinceProgress >= PROGRESS_STEP) {
                    sinceProgress = 0;
                    progress.onProgress(have, total);
                }
            }
            out.force(true);
        }
        progress.onProgress(have, total);
        return have;
    }
}
