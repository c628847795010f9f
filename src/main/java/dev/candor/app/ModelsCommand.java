package dev.candor.app;

import dev.candor.ai.models.CatalogueModel;
import dev.candor.ai.models.ModelCatalogue;
import dev.candor.ai.models.ModelDownloader;
import dev.candor.ai.models.ModelInstallException;
import dev.candor.ai.models.ModelShelf;
import dev.candor.ai.models.StorageSpace;
import dev.candor.ai.stt.vosk.BundledVoskModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code candor models} — the speech model catalogue from the command line: list it with what is
 * installed, download (progress on standard error, resumable, checksum verified, Ctrl+C keeps the
 * part for a later resume), import a file downloaded elsewhere, delete. Nothing is fetched unless
 * {@code download} is asked for, and never a model whose checksum the catalogue does not pin.
 * Exit codes: 0 done, 1 the operation failed, 2 wrong usage or unknown model, 3 refused (no
 * checksum), 130 cancelled.
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "List, download, import or delete speech models (nothing is fetched unless you ask).",
        subcommands = {
            ModelsCommand.ListModels.class,
            ModelsCommand.Download.class,
            ModelsCommand.Import.class,
            ModelsCommand.Delete.class
        })
public final class ModelsCommand implements java.util.concurrent.Callable<Integer> {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int REFUSED = 3;
    static final int CANCELLED = 130; // 128 + SIGINT, what shells report for Ctrl+C

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Candor's data folder (models live in DIR/models).")
    Path dataDir;

    @Option(
            names = "--catalogue",
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Use this catalogue (JSON, same form as the built-in one), e.g. an organisation's mirror.")
    Path catalogueFile;

    /** Without a subcommand: the list. */
    @Override
    public Integer call() {
        return list(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    ModelShelf shelf() throws IOException {
        Path data = dataDir != null ? dataDir : main != null ? main.dataDir() : DataDirs.platformDefault();
        ModelCatalogue catalogue;
        if (catalogueFile == null) {
            catalogue = ModelCatalogue.builtIn();
        } else {
            try (InputStream in = Files.newInputStream(catalogueFile)) {
                catalogue = ModelCatalogue.read(in);
            } catch (IOException | RuntimeException e) {
                throw new IOException("the catalogue " + catalogueFile + " cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return new ModelShelf(data.resolve("models"), catalogue, StorageSpace.fileStore());
    }

    int list(PrintWriter out, PrintWriter err) {
        ModelShelf shelf;
        try {
            shelf = shelf();
        } catch (IOException e) {
            err.println("candor models: " + e.getMessage());
            return FAILED;
        }
        out.printf(Locale.ROOT, "%-30s %-8s %9s  %-11s %s%n", "NAME", "ENGINE", "SIZE", "LICENCE", "STATE");
        out.printf(
                Locale.ROOT,
                "%-30s %-8s %9s  %-11s %s%n",
                BundledVoskModel.NAME,
                "vosk",
                "(bundled)",
                "Apache-2.0",
                "built in (default engine)");
        for (CatalogueModel m : shelf.catalogue().models()) {
            out.printf(
                    Locale.ROOT,
                    "%-30s %-8s %9s  %-11s %s%n",
                    m.id(),
                    m.engine(),
                    megabytes(m.sizeBytes()),
                    m.licence(),
                    state(shelf, m));
        }
        out.flush();
        return 0;
    }

    private static String state(ModelShelf shelf, CatalogueModel m) {
        if (shelf.isInstalled(m)) {
            return "installed";
        }
        Path part = shelf.partFile(m);
        if (Files.isRegularFile(part)) {
            try {
                return "partly downloaded (" + megabytes(Files.size(part)).strip() + "; download resumes it)";
            } catch (IOException e) {
                return "partly downloaded";
            }
        }
        return m.verifiable() ? "not installed" : "not installed (no checksum yet: cannot be downloaded)";
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", Math.max(bytes, 0) / 1e6);
    }

    /** The catalogue entry named, or an error line and {@link #USAGE}. */
    Optional<CatalogueModel> find(ModelShelf shelf, String name, PrintWriter err) {
        Optional<CatalogueModel> m = shelf.catalogue().find(name);
        if (m.isEmpty()) {
            if (name.equals(BundledVoskModel.NAME)) {
                err.println(
                        "candor models: " + name + " is built into Candor; there is nothing to download or delete.");
            } else {
                err.println("candor models: no model named '" + name + "' in the catalogue (see 'candor models').");
            }
        }
        return m;
    }

    /** {@code candor models list}: the same as {@code candor models}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the catalogue and what is installed.")
    static final class ListModels implements java.util.concurrent.Callable<Integer> {
        @CommandLine.ParentCommand
        ModelsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return parent.list(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** A subcommand about one catalogue model: finds the shelf and the model, or says why not. */
    abstract static class OneModel implements java.util.concurrent.Callable<Integer> {
        @CommandLine.ParentCommand
        ModelsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model's name, as 'candor models' lists it.")
        String name;

        @Override
        public final Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            ModelShelf shelf;
            try {
                shelf = parent.shelf();
            } catch (IOException e) {
                err.println("candor models: " + e.getMessage());
                return FAILED;
            }
            Optional<CatalogueModel> found = parent.find(shelf, name, err);
            if (found.isEmpty()) {
                return USAGE;
            }
            return run(shelf, found.get(), spec.commandLine().getOut(), err);
        }

        /** Does the work on the model found; returns the exit code. */
        abstract int run(ModelShelf shelf, CatalogueModel m, PrintWriter out, PrintWriter err);
    }

    /** {@code candor models download NAME}: fetch, verify and install; Ctrl+C keeps the part. */
    @Command(
            name = "download",
            mixinStandardHelpOptions = true,
            description = "Download a catalogue model (resumes a partial download; the checksum is verified).")
    static final class Download extends OneModel {

        @Override
        int run(ModelShelf shelf, CatalogueModel m, PrintWriter out, PrintWriter err) {
            if (!m.verifiable()) {
                err.println("candor models: the catalogue has no published checksum for " + m.id()
                        + ", so Candor will not download it (it could not be verified).");
                return REFUSED;
            }
            if (shelf.isInstalled(m)) {
                out.println(
                        m.id() + " is already installed: " + shelf.modelPath(m).orElseThrow());
                out.flush();
                return 0;
            }
            ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "candor-model-download");
                t.setDaemon(true);
                return t;
            });
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            AtomicInteger lastPercent = new AtomicInteger(-1);
            ModelDownloader.Download download = new ModelDownloader(http, shelf, worker)
                    .download(m, (bytes, total) -> progress(err, m, bytes, total, lastPercent));
            // Ctrl+C: stop between two reads, keep the part (fsynced by the downloader), say so.
            CountDownLatch settled = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread onCtrlC = new Thread(
                    () -> {
                        interrupted.set(true);
                        download.cancel();
                        try {
                            settled.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "candor-model-download-cancel");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            try {
                Path installed = download.result().get();
                out.println("Installed " + m.id() + ": " + installed);
                out.flush();
                return 0;
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (interrupted.get()) {
                    err.println("candor models: download of " + m.id()
                            + " cancelled; the part fetched so far is kept and the same command resumes it.");
                    err.flush();
                    return CANCELLED;
                }
                err.println("candor models: "
                        + (cause instanceof ModelInstallException ? cause.getMessage() : cause.toString()));
                return FAILED;
            } catch (InterruptedException e) {
                download.cancel();
                Thread.currentThread().interrupt();
                return CANCELLED;
            } finally {
                settled.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl+C: the hook is running and waits for the line above
                }
                worker.shutdownNow();
            }
        }

        /** One line per 5 % (or per 10 MB when the size is unknown), so a log stays readable. */
        private static void progress(PrintWriter err, CatalogueModel m, long bytes, long total, AtomicInteger last) {
            int step = total > 0 ? (int) (bytes * 20 / total) : (int) (bytes / 10_000_000);
            if (step != last.getAndSet(step)) {
                if (total > 0) {
                    err.printf(
                            Locale.ROOT,
                            "candor models: %s %3d%% (%s of %s)%n",
                            m.id(),
                            bytes * 100 / total,
                            megabytes(bytes).strip(),
                            megabytes(total).strip());
                } else {
                    err.printf(
                            Locale.ROOT,
                            "candor models: %s %s%n",
                            m.id(),
                            megabytes(bytes).strip());
                }
                err.flush();
            }
        }
    }

    /** {@code candor models import NAME FILE}: install a copy downloaded elsewhere, if its checksum matches. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Install a model from a file you already have (its checksum must match the catalogue's).")
    static final class Import extends OneModel {

        @Parameters(index = "1", paramLabel = "FILE", description = "The downloaded file (.bin, or .zip for Vosk).")
        Path file;

        @Override
        int run(ModelShelf shelf, CatalogueModel m, PrintWriter out, PrintWriter err) {
            if (!m.verifiable()) {
                err.println("candor models: the catalogue has no published checksum for " + m.id()
                        + ", so a copy of it cannot be verified; nothing was installed.");
                return REFUSED;
            }
            try {
                Path installed = shelf.importFile(m, file);
                spec.commandLine().getOut().println("Installed " + m.id() + ": " + installed);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (ModelInstallException e) {
                err.println("candor models: " + e.getMessage());
                return FAILED;
            }
        }
    }

    /** {@code candor models delete NAME}: remove an installed model and any partial download. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete an installed model (and any partial download of it).")
    static final class Delete extends OneModel {

        @Override
        int run(ModelShelf shelf, CatalogueModel m, PrintWriter out, PrintWriter err) {
            boolean installed = shelf.isInstalled(m);
            boolean partial = Files.exists(shelf.partFile(m));
            if (!installed && !partial) {
                err.println("candor models: " + m.id() + " is not installed; nothing was deleted.");
                return FAILED;
            }
            try {
                shelf.delete(m);
            } catch (ModelInstallException e) {
                err.println("candor models: " + e.getMessage());
                return FAILED;
            }
            spec.commandLine()
                    .getOut()
                    .println(installed ? "Deleted " + m.id() + "." : "Deleted the partial download of " + m.id() + ".");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
