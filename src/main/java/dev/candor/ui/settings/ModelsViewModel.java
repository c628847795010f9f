package dev.candor.ui.settings;

import dev.candor.ai.models.CatalogueModel;
import dev.candor.ai.models.ModelDownloader;
import dev.candor.ai.models.ModelInstallException;
import dev.candor.ai.models.ModelShelf;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "AI models" section of Settings: one row per catalogue model plus the built-in one, with its
 * state, progress and the last error in words. Nothing is read from disk before {@link #refresh()}
 * and nothing is fetched before {@link #download(Row)}, which only a click calls.
 *
 * <p>Threads: commands and properties belong to the FX thread (the {@code fx} executor); the shelf's
 * disk work runs on {@code background}, downloads on the downloader's own executor, and every result
 * comes back through {@code fx}. Downloads belong to this object, not to the view, so they go on
 * while the user is elsewhere in the app.
 */
public final class ModelsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ModelsViewModel.class);

    /** Where a row stands; the view shows buttons by it. */
    public enum Status {
        /** Not read from disk yet. */
        CHECKING,
        /** Ships inside the app. */
        BUILT_IN,
        /** The catalogue pins no checksum, so it is never downloaded or imported. */
        UNVERIFIABLE,
        NOT_INSTALLED,
        /** A stopped download is kept; downloading again resumes it. */
        PARTIAL,
        DOWNLOADING,
        /** Cancel was clicked; the download stops at its next chunk. */
        STOPPING,
        IMPORTING,
        DELETING,
        INSTALLED;

        /** Whether work on this row is under way, so no other command may start. */
        public boolean busy() {
            return this == DOWNLOADING || this == STOPPING || this == IMPORTING || this == DELETING;
        }
    }

    /** One model as the user sees it. FX thread only. */
    public final class Row {
        private final CatalogueModel model;
        private final String title;
        private final String details;
        private final ReadOnlyObjectWrapper<Status> status;
        private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
        private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
        // Written by the download thread, read on the FX thread: only the newest figures are shown.
        private final AtomicLong latestBytes = new AtomicLong();
        private final AtomicLong latestTotal = new AtomicLong(-1);
        private final AtomicBoolean progressQueued = new AtomicBoolean();
        private ModelDownloader.Download download;
        private boolean cancelRequested;

        private Row(CatalogueModel model, String title, String details, Status initial) {
            this.model = model;
            this.title = title;
            this.details = details;
            this.status = new ReadOnlyObjectWrapper<>(this, "status", initial);
            setStatus(initial, 0, 0);
        }

        /** The catalogue entry, or null for the built-in model. */
        public CatalogueModel model() {
            return model;
        }

        /** The model's stable id ({@code built-in} for the bundled one). */
        public String id() {
            return model == null ? "built-in" : model.id();
        }

        public String title() {
            return title;
        }

        /** Size, languages and licence in one line. */
        public String details() {
            return details;
        }

        public ReadOnlyObjectProperty<Status> statusProperty() {
            return status.getReadOnlyProperty();
        }

        public Status status() {
            return status.get();
        }

        /** The status in words, e.g. "Installed" or how much of a stopped download is kept. */
        public ReadOnlyStringProperty statusTextProperty() {
            return statusText.getReadOnlyProperty();
        }

        /** 0..1 while downloading, -1 when the total is unknown or while importing. */
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        /** "12.3 MB of 148.0 MB" while downloading. */
        public ReadOnlyStringProperty progressTextProperty() {
            return progressText.getReadOnlyProperty();
        }

        /** The last failure in words, empty when there is none. */
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        /** Host the model is fetched from, for the confirmation before a download. */
        public String sourceHost() {
            if (model == null) return "";
            try {
                String host = URI.create(model.url()).getHost();
                return host == null ? model.url() : host;
            } catch (IllegalArgumentException e) {
                return model.url();
            }
        }

        /** Size of the download in words, for the confirmation. */
        public String sizeText() {
            return model == null ? "" : size(model.sizeBytes());
        }

        private void setStatus(Status s, long partBytes, long total) {
            status.set(s);
            statusText.set(
                    s == Status.PARTIAL
                            ? format("models.status.PARTIAL", size(partBytes), size(total))
                            : text.getString("models.status." + s.name()));
            if (s == Status.IMPORTING || s == Status.DELETING || s == Status.CHECKING) {
                progress.set(-1);
            } else if (!s.busy()) {
                progress.set(0);
                progressText.set("");
            }
        }

        private void showProgress(long bytes, long total) {
            progress.set(total > 0 ? Math.min(1.0, (double) bytes / total) : -1);
            progressText.set(total > 0 ? format("models.progress", size(bytes), size(total)) : size(bytes));
        }
    }

    private final ModelShelf shelf;
    private final ModelDownloader downloader;
    private final Executor background;
    private final Executor fx;
    private final ResourceBundle text;
    private final List<Row> rows = new ArrayList<>();

    public ModelsViewModel(ModelsParts parts, Executor fx, ResourceBundle text) {
        this.shelf = parts.shelf();
        this.downloader = parts.downloader();
        this.background = parts.background();
        this.fx = fx;
        this.text = text;
        ModelsParts.BuiltInModel builtIn = parts.builtIn();
        if (builtIn != null) {
            rows.add(new Row(
                    null,
                    builtIn.title(),
                    details(builtIn.sizeBytes(), builtIn.languages(), builtIn.licence()),
                    Status.BUILT_IN));
        }
        for (CatalogueModel m : shelf.catalogue().models()) {
            rows.add(new Row(m, m.title(), details(m.sizeBytes(), m.languages(), m.licence()), Status.CHECKING));
        }
    }

    /** The built-in model first, then the catalogue's in its order. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The row of a model id. */
    public Row row(String id) {
        return rows.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + id));
    }

    /**
     * Reads which models are installed or partly downloaded, in the background; called when
     * Settings is shown (another Candor, or {@code candor models}, may have changed the shelf).
     */
    public void refresh() {
        for (Row row : rows) {
            if (row.model != null) check(row);
        }
    }

    /** Starts fetching the row's model (resuming a kept part); only on the user's click. */
    public void download(Row row) {
        if (row.model == null || row.status().busy() || row.status() == Status.INSTALLED) return;
        row.error.set("");
        row.cancelRequested = false;
        long kept = row.status() == Status.PARTIAL ? row.latestBytes.get() : 0;
        row.setStatus(Status.DOWNLOADING, 0, 0);
        row.showProgress(kept, row.model.sizeBytes());
        ModelDownloader.Download d = downloader.download(row.model, (bytes, total) -> {
            row.latestBytes.set(bytes);
            row.latestTotal.set(total);
            if (row.progressQueued.compareAndSet(false, true)) {
                fx.execute(() -> {
                    row.progressQueued.set(false);
                    if (row.status() == Status.DOWNLOADING || row.status() == Status.STOPPING) {
                        row.showProgress(row.latestBytes.get(), row.latestTotal.get());
                    }
                });
            }
        });
        row.download = d;
        d.result().whenComplete((path, failure) -> fx.execute(() -> downloadEnded(row, failure)));
    }

    private void downloadEnded(Row row, Throwable failure) {
        row.download = null;
        if (failure == null) {
            row.setStatus(Status.INSTALLED, 0, 0);
            return;
        }
        if (!row.cancelRequested) {
            row.error.set(message(failure));
        }
        row.cancelRequested = false;
        // The downloader keeps a cut-off part and deletes one that failed its checksum; ask the disk.
        row.setStatus(Status.CHECKING, 0, 0);
        check(row);
    }

    /** Stops the row's download; what was fetched is kept so Download resumes it. */
    public void cancel(Row row) {
        if (row.status() != Status.DOWNLOADING || row.download == null) return;
        row.cancelRequested = true;
        row.download.cancel();
        row.setStatus(Status.STOPPING, 0, 0);
    }

    /** Deletes the installed model, or the kept part of a stopped download. */
    public void delete(Row row) {
        if (row.model == null || (row.status() != Status.INSTALLED && row.status() != Status.PARTIAL)) return;
        row.error.set("");
        row.setStatus(Status.DELETING, 0, 0);
        background.execute(() -> {
            String failure = null;
            try {
                shelf.delete(row.model);
            } catch (ModelInstallException e) {
                LOG.warn("deleting model {} failed: {}", row.model.id(), e.getMessage());
                failure = e.getMessage();
            }
            String error = failure;
            fx.execute(() -> {
                if (error != null) row.error.set(error);
                row.setStatus(Status.CHECKING, 0, 0);
                check(row);
            });
        });
    }

    /** Installs the row's model from a file the user chose; the shelf checks its checksum first. */
    public void importFile(Row row, Path file) {
        if (row.model == null || row.status().busy() || row.status() == Status.INSTALLED) return;
        row.error.set("");
        row.setStatus(Status.IMPORTING, 0, 0);
        background.execute(() -> {
            String failure = null;
            try {
                shelf.importFile(row.model, file);
            } catch (ModelInstallException e) {
                LOG.warn("importing model {} failed: {}", row.model.id(), e.getMessage());
                failure = e.getMessage();
            } catch (RuntimeException e) {
                LOG.error("importing model {} failed", row.model.id(), e);
                failure = format("models.failed", e.getMessage());
            }
            String error = failure;
            fx.execute(() -> {
                if (error != null) row.error.set(error);
                row.setStatus(Status.CHECKING, 0, 0);
                check(row);
            });
        });
    }

    /** Reads the row's state from disk in the background and shows it, unless work started meanwhile. */
    private void check(Row row) {
        CatalogueModel m = row.model;
        background.execute(() -> {
            boolean installed = shelf.isInstalled(m);
            long part = 0;
            Path partFile = shelf.partFile(m);
            try {
                part = Files.isRegularFile(partFile) ? Files.size(partFile) : 0;
            } catch (IOException e) {
                LOG.debug("cannot read the size of {}", partFile, e);
            }
            long kept = part;
            fx.execute(() -> {
                if (row.status().busy()) return;
                row.latestBytes.set(kept);
                if (installed) {
                    row.setStatus(Status.INSTALLED, 0, 0);
                } else if (!m.verifiable()) {
                    row.setStatus(Status.UNVERIFIABLE, 0, 0);
                } else if (kept > 0) {
                    row.setStatus(Status.PARTIAL, kept, m.sizeBytes());
                } else {
                    row.setStatus(Status.NOT_INSTALLED, 0, 0);
                }
            });
        });
    }

    private String message(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ModelInstallException && t.getMessage() != null) {
            return t.getMessage();
        }
        return format("models.failed", String.valueOf(t.getMessage()));
    }

    private String details(long sizeBytes, List<String> languages, String licence) {
        String langs = languages.isEmpty() ? "" : String.join(", ", languages);
        return format("models.details", size(sizeBytes), langs, licence);
    }

    /** Decimal megabytes or gigabytes, as download sizes are usually given. */
    static String size(long bytes) {
        if (bytes >= 1_000_000_000L) return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), Locale.ROOT).format(args);
    }
}
