package dev.candor.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ai.models.CatalogueModel;
import dev.candor.ai.models.ModelCatalogue;
import dev.candor.ai.models.ModelDownloader;
import dev.candor.ai.models.ModelShelf;
import dev.candor.ai.models.ModelTestServer;
import dev.candor.ui.UiParts;
import dev.candor.ui.settings.ModelsViewModel.Row;
import dev.candor.ui.settings.ModelsViewModel.Status;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "AI models" view-model against a real shelf in a temp dir and a model host on 127.0.0.1.
 * A single thread stands in for the FX thread; every property is read on it.
 */
class ModelsViewModelTest {
    private static final int SIZE = 2_000_000;

    @TempDir
    Path data;

    ModelTestServer server;
    final ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-fx"));
    final ExecutorService background = Executors.newSingleThreadExecutor();
    final ExecutorService downloads = Executors.newCachedThreadPool();
    volatile long freeBytes = Long.MAX_VALUE;
    ModelShelf shelf;
    ModelsViewModel model;

    @BeforeEach
    void start() throws Exception {
        server = new ModelTestServer(SIZE);
        String closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = "http://127.0.0.1:" + s.getLocalPort() + "/model.bin";
        }
        ModelCatalogue catalogue = new ModelCatalogue(List.of(
                whisper("whisper-good", server.url("/model.bin"), server.sha256()),
                whisper("whisper-bad", server.url("/model.bin"), ModelTestServer.sha256(new byte[] {1, 2, 3})),
                whisper("whisper-nosum", server.url("/model.bin"), null),
                whisper("whisper-offline", closedPort, server.sha256())));
        shelf = new ModelShelf(data.resolve("models"), catalogue, dir -> freeBytes);
        ModelDownloader downloader = new ModelDownloader(HttpClient.newHttpClient(), shelf, downloads);
        ModelsParts parts = new ModelsParts(
                shelf,
                downloader,
                new ModelsParts.BuiltInModel("Vosk small", List.of("en-US"), 41_000_000, "Apache-2.0"),
                background);
        model = onFx(() -> new ModelsViewModel(parts, fx, UiParts.texts()));
    }

    static CatalogueModel whisper(String id, String url, String sha) {
        return new CatalogueModel(
                id, "Test " + id, "whisper", List.of("en"), SIZE, url, sha, "MIT", "file", id + ".bin");
    }

    @AfterEach
    void stop() {
        server.close();
        downloads.shutdownNow();
        background.shutdownNow();
        fx.shutdownNow();
    }

    <T> T onFx(Supplier<T> read) throws Exception {
        return fx.submit(read::get).get(10, TimeUnit.SECONDS);
    }

    void await(Supplier<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onFx(condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s; rows: "
                        + onFx(() -> model.rows().stream()
                                .map(r -> r.id() + "=" + r.status() + " '"
                                        + r.errorProperty().get() + "'")
                                .toList()));
            }
            Thread.sleep(10);
        }
    }

    Row row(String id) throws Exception {
        return onFx(() -> model.row(id));
    }

    void run(Runnable command) throws Exception {
        fx.submit(command).get(10, TimeUnit.SECONDS);
    }

    void refreshed() throws Exception {
        run(model::refresh);
        // The disk is read on the one background thread, the result posted to the FX thread.
        background.submit(() -> {}).get(10, TimeUnit.SECONDS);
        run(() -> {});
        assertThat(onFx(() -> model.rows().stream().noneMatch(r -> r.status() == Status.CHECKING)))
                .isTrue();
    }

    @Test
    void listsTheBuiltInModelFirstAndReadsNothingBeforeRefresh() throws Exception {
        List<Row> rows = onFx(model::rows);
        assertThat(rows)
                .extracting(Row::id)
                .containsExactly("built-in", "whisper-good", "whisper-bad", "whisper-nosum", "whisper-offline");
        assertThat(rows.get(0).status()).isEqualTo(Status.BUILT_IN);
        assertThat(rows.get(0).details()).contains("41.0 MB", "en-US", "Apache-2.0");
        assertThat(rows.get(1).details()).contains("2.0 MB", "en", "MIT");
        assertThat(onFx(() -> rows.get(1).status())).isEqualTo(Status.CHECKING);
        assertThat(data.resolve("models")).doesNotExist();
        assertThat(server.ranges()).isEmpty();

        refreshed();
        assertThat(row("whisper-good").status()).isEqualTo(Status.NOT_INSTALLED);
        assertThat(row("whisper-nosum").status()).isEqualTo(Status.UNVERIFIABLE);
        assertThat(row("whisper-nosum").statusTextProperty().get()).contains("no checksum");
        assertThat(server.ranges()).as("refreshing fetches nothing").isEmpty();
    }

    @Test
    void downloadShowsBytesOfTotalThenInstallsTheVerifiedModel() throws Exception {
        refreshed();
        Row good = row("whisper-good");
        server.holdAfter(1_000_000);
        run(() -> model.download(good));
        assertThat(server.awaitHeld()).isTrue();
        await(() -> good.progressProperty().get() >= 0.4);
        assertThat(onFx(() -> good.status())).isEqualTo(Status.DOWNLOADING);
        assertThat(onFx(() -> good.progressProperty().get())).isLessThan(1.0);
        assertThat(onFx(() -> good.progressTextProperty().get())).endsWith(" of 2.0 MB");

        server.release();
        await(() -> good.status() == Status.INSTALLED);
        Path installed = shelf.modelPath(good.model()).orElseThrow();
        assertThat(Files.readAllBytes(installed)).isEqualTo(server.payload());
        assertThat(onFx(() -> good.errorProperty().get())).isEmpty();
        assertThat(onFx(() -> good.statusTextProperty().get())).isEqualTo("Installed");
    }

    @Test
    void cancelKeepsThePartAndTheNextDownloadResumesFromIt() throws Exception {
        refreshed();
        Row good = row("whisper-good");
        server.holdAfter(1_000_000);
        run(() -> model.download(good));
        assertThat(server.awaitHeld()).isTrue();
        await(() -> good.progressProperty().get() >= 0.25);
        run(() -> model.cancel(good));
        // Bytes the client already holds let the download see the cancel before the server goes on.
        assertThat(onFx(good::status)).isIn(Status.STOPPING, Status.CHECKING, Status.PARTIAL);
        server.release();

        await(() -> good.status() == Status.PARTIAL);
        long kept = Files.size(shelf.partFile(good.model()));
        assertThat(kept).isBetween(1L, (long) SIZE - 1);
        assertThat(onFx(() -> good.errorProperty().get()))
                .as("a cancel is no error")
                .isEmpty();
        assertThat(onFx(() -> good.statusTextProperty().get())).startsWith("Partly downloaded");
        assertThat(shelf.isInstalled(good.model())).isFalse();

        run(() -> model.download(good));
        await(() -> good.status() == Status.INSTALLED);
        assertThat(server.ranges()).containsExactly("null", "bytes=" + kept + "-");
        assertThat(Files.readAllBytes(shelf.modelPath(good.model()).orElseThrow()))
                .isEqualTo(server.payload());
        assertThat(shelf.partFile(good.model())).doesNotExist();
    }

    @Test
    void cancelStopsAStalledDownloadWithoutWaitingForTheServer() throws Exception {
        refreshed();
        Row good = row("whisper-good");
        server.holdAfter(1_000_000);
        run(() -> model.download(good));
        assertThat(server.awaitHeld()).isTrue();
        // Everything sent before the stall is on disk; the download now waits on the socket.
        Path part = shelf.partFile(good.model());
        await(() -> {
            try {
                return Files.isRegularFile(part) && Files.size(part) >= 1_000_000;
            } catch (java.io.IOException e) {
                return false;
            }
        });

        run(() -> model.cancel(good));
        await(() -> good.status() == Status.PARTIAL);
        assertThat(onFx(() -> good.errorProperty().get())).isEmpty();
        assertThat(Files.size(shelf.partFile(good.model()))).isGreaterThanOrEqualTo(1_000_000L);
    }

    @Test
    void aDownloadFailingItsChecksumIsReportedAndNothingIsInstalled() throws Exception {
        refreshed();
        Row bad = row("whisper-bad");
        run(() -> model.download(bad));
        await(() -> !bad.errorProperty().get().isEmpty() && !bad.status().busy() && bad.status() != Status.CHECKING);
        assertThat(onFx(() -> bad.errorProperty().get())).contains("does not match its checksum");
        assertThat(onFx(bad::status)).isEqualTo(Status.NOT_INSTALLED);
        assertThat(shelf.isInstalled(bad.model())).isFalse();
        assertThat(shelf.partFile(bad.model())).doesNotExist();
    }

    @Test
    void anUnreachableServerIsReported() throws Exception {
        refreshed();
        Row offline = row("whisper-offline");
        run(() -> model.download(offline));
        await(() -> !offline.errorProperty().get().isEmpty() && offline.status() == Status.NOT_INSTALLED);
        assertThat(onFx(() -> offline.errorProperty().get())).contains("could not be reached");
    }

    @Test
    void aFullDiskIsReportedBeforeAnythingIsFetched() throws Exception {
        refreshed();
        freeBytes = 1_000;
        Row good = row("whisper-good");
        run(() -> model.download(good));
        await(() -> !good.errorProperty().get().isEmpty() && good.status() == Status.NOT_INSTALLED);
        assertThat(onFx(() -> good.errorProperty().get())).contains("Not enough disk space");
        assertThat(server.ranges()).isEmpty();
    }

    @Test
    void aModelWithoutAPinnedChecksumIsRefusedWithoutAnyRequest() throws Exception {
        refreshed();
        Row nosum = row("whisper-nosum");
        run(() -> model.download(nosum));
        await(() -> !nosum.errorProperty().get().isEmpty() && nosum.status() == Status.UNVERIFIABLE);
        assertThat(onFx(() -> nosum.errorProperty().get())).contains("no checksum");
        assertThat(server.ranges()).isEmpty();

        Path file = Files.write(data.resolve("copy.bin"), server.payload());
        run(() -> model.importFile(nosum, file));
        await(() -> nosum.status() == Status.UNVERIFIABLE);
        assertThat(shelf.isInstalled(nosum.model())).isFalse();
    }

    @Test
    void importChecksTheFileAndInstallsOnlyTheRightOne() throws Exception {
        refreshed();
        Row good = row("whisper-good");
        Path wrong = Files.write(data.resolve("wrong.bin"), new byte[] {1, 2, 3});
        run(() -> model.importFile(good, wrong));
        await(() -> !good.errorProperty().get().isEmpty() && good.status() == Status.NOT_INSTALLED);
        assertThat(onFx(() -> good.errorProperty().get())).contains("checksum does not match");
        assertThat(shelf.isInstalled(good.model())).isFalse();

        Path right = Files.write(data.resolve("right.bin"), server.payload());
        run(() -> model.importFile(good, right));
        await(() -> good.status() == Status.INSTALLED);
        assertThat(onFx(() -> good.errorProperty().get())).isEmpty();
        assertThat(Files.readAllBytes(shelf.modelPath(good.model()).orElseThrow()))
                .isEqualTo(server.payload());
        assertThat(right).exists();
        assertThat(server.ranges()).as("an import fetches nothing").isEmpty();
    }

    @Test
    void deleteRemovesTheInstalledModel() throws Exception {
        refreshed();
        Row good = row("whisper-good");
        Path right = Files.write(data.resolve("right.bin"), server.payload());
        run(() -> model.importFile(good, right));
        await(() -> good.status() == Status.INSTALLED);
        Path folder = shelf.dir().resolve(good.id());
        assertThat(folder).isDirectory();

        run(() -> model.delete(good));
        await(() -> good.status() == Status.NOT_INSTALLED);
        assertThat(folder).doesNotExist();
        assertThat(shelf.isInstalled(good.model())).isFalse();
    }

    @Test
    void discardingAKeptPartRemovesIt() throws Exception {
        Row good = row("whisper-good");
        Files.createDirectories(shelf.dir());
        Files.write(shelf.partFile(good.model()), new byte[500_000]);
        refreshed();
        assertThat(onFx(good::status)).isEqualTo(Status.PARTIAL);
        assertThat(onFx(() -> good.statusTextProperty().get())).contains("0.5 MB of 2.0 MB");

        run(() -> model.delete(good));
        await(() -> good.status() == Status.NOT_INSTALLED);
        assertThat(shelf.partFile(good.model())).doesNotExist();
    }

    @Test
    void refreshSeesAModelInstalledElsewhere() throws Exception {
        refreshed();
        Row good = row("whisper-good");
        shelf.importFile(good.model(), Files.write(data.resolve("right.bin"), server.payload()));
        assertThat(onFx(good::status)).isEqualTo(Status.NOT_INSTALLED);
        refreshed();
        assertThat(onFx(good::status)).isEqualTo(Status.INSTALLED);
    }
}
