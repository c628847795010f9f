package dev.candor.ai.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model catalogue, downloader and shelf against an HTTP server this test runs on 127.0.0.1. */
class ModelDownloaderIT {
    @TempDir
    Path data;

    HttpServer server;
    ExecutorService executor = Executors.newSingleThreadExecutor();
    final byte[] payload = new byte[3_000_000];
    volatile long cutAt = -1; // close the connection after this many bytes of the file
    volatile long throttleMicrosPerChunk;
    volatile byte[] served;
    final List<String> ranges = new CopyOnWriteArrayList<>();
    ModelShelf shelf;
    ModelDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        new Random(42).nextBytes(payload);
        served = payload;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/model.bin", ex -> {
            byte[] body = served;
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
            if (from >= body.length) {
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(range == null ? 200 : 206, body.length - from);
            OutputStream out = ex.getResponseBody();
            try {
                for (int at = from; at < body.length; at += 65_536) {
                    int end = Math.min(body.length, at + 65_536);
                    if (cutAt >= 0 && end > cutAt) {
                        out.write(body, at, (int) Math.max(0, cutAt - at));
                        out.flush();
                        cutAt = -1;
                        // An exception out of the handler makes the server drop the connection.
                        throw new IllegalStateException("connection dropped by the test");
                    }
                    out.write(body, at, end - at);
                    if (throttleMicrosPerChunk > 0) {
                        TimeUnit.MICROSECONDS.sleep(throttleMicrosPerChunk);
                    }
                }
                out.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client went away.
            }
            ex.close();
        });
        server.createContext("/missing.bin", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        useSpace(Long.MAX_VALUE);
    }

    void useSpace(long bytes) {
        shelf = new ModelShelf(data.resolve("models"), ModelCatalogue.builtIn(), dir -> bytes);
        downloader = new ModelDownloader(HttpClient.newHttpClient(), shelf, executor);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    CatalogueModel whisperModel(String sha, long size) {
        return new CatalogueModel(
                "whisper-test",
                "Whisper test",
                "whisper",
                List.of("en"),
                size,
                url("/model.bin"),
                sha,
                "MIT",
                "file",
                "ggml-test.bin");
    }

    void assertNothingInstalled(CatalogueModel m) {
        assertThat(shelf.isInstalled(m)).isFalse();
        assertThat(shelf.modelPath(m)).isEmpty();
        assertThat(shelf.dir().resolve(m.id())).doesNotExist();
    }

    static Throwable failure(ModelDownloader.Download d) {
        try {
            d.result().get(30, TimeUnit.SECONDS);
            throw new AssertionError("download should have failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void catalogueListsModelsWithSizeLanguagesUrlChecksumAndLicence() {
        ModelCatalogue catalogue = ModelCatalogue.builtIn();
        assertThat(catalogue.models()).extracting(CatalogueModel::engine).contains("vosk", "whisper");
        for (CatalogueModel m : catalogue.models()) {
            assertThat(m.sizeBytes()).isPositive();
            assertThat(m.languages()).isNotEmpty();
            assertThat(m.url()).startsWith("https://");
            assertThat(m.licence()).isNotBlank();
        }
        assertThat(catalogue.find("whisper-base.en").orElseThrow().verifiable()).isTrue();
        assertThat(shelf.installed())
                .as("nothing is installed until the user asks")
                .isEmpty();
    }

    @Test
    void downloadReportsProgressVerifiesAndInstallsAtomically() throws Exception {
        CatalogueModel m = whisperModel(sha256(payload), payload.length);
        List<long[]> progress = new CopyOnWriteArrayList<>();
        Path installed = downloader
                .download(m, (b, t) -> progress.add(new long[] {b, t}))
                .result()
                .get(30, TimeUnit.SECONDS);
        assertThat(installed).isEqualTo(shelf.dir().resolve("whisper-test/ggml-test.bin"));
        assertThat(Files.readAllBytes(installed)).isEqualTo(payload);
        assertThat(progress.size()).isGreaterThan(5);
        assertThat(progress.get(progress.size() - 1)).containsExactly(payload.length, payload.length);
        assertThat(shelf.partFile(m)).doesNotExist();
        assertThat(shelf.installed()).isEmpty(); // not a catalogue entry: listed by the shelf only if catalogued
        assertThat(shelf.isInstalled(m)).isTrue();
    }

    @Test
    void interruptedDownloadIsNeverUsedAndResumesWithARangeRequest() throws Exception {
        CatalogueModel m = whisperModel(sha256(payload), payload.length);
        cutAt = 1_000_000;
        Throwable first = failure(downloader.download(m, (b, t) -> {}));
        assertThat(first).isInstanceOf(ModelInstallException.class).hasMessageContaining("try again to resume");
        assertNothingInstalled(m);
        long kept = Files.size(shelf.partFile(m));
        assertThat(kept).isBetween(1L, 1_000_000L);

        List<Long> progress = new CopyOnWriteArrayList<>();
        Path installed =
                downloader.download(m, (b, t) -> progress.add(b)).result().get(30, TimeUnit.SECONDS);
        assertThat(ranges.get(ranges.size() - 1)).isEqualTo("bytes=" + kept + "-");
        assertThat(progress.get(0)).isEqualTo(kept);
        assertThat(Files.readAllBytes(installed)).isEqualTo(payload);
    }

    @Test
    void checksumMismatchDeletesTheDownloadAndInstallsNothing() throws Exception {
        CatalogueModel m = whisperModel(sha256("something else".getBytes()), payload.length);
        Throwable e = failure(downloader.download(m, (b, t) -> {}));
        assertThat(e).hasMessageContaining("does not match its checksum");
        assertNothingInstalled(m);
        assertThat(shelf.partFile(m)).doesNotExist();
    }

    @Test
    void serverThatIsGoneGivesAClearErrorAndInstallsNothing() throws Exception {
        CatalogueModel m = whisperModel(sha256(payload), payload.length);
        server.stop(0);
        Throwable e = failure(downloader.download(m, (b, t) -> {}));
        assertThat(e).hasMessageContaining("could not be reached");
        assertNothingInstalled(m);
    }

    @Test
    void missingFileOnTheServerGivesItsHttpStatus() throws Exception {
        CatalogueModel m = whisperModel(sha256(payload), payload.length).withUrl(url("/missing.bin"));
        assertThat(failure(downloader.download(m, (b, t) -> {}))).hasMessageContaining("HTTP 404");
        assertNothingInstalled(m);
    }

    @Test
    void tooLittleDiskSpaceIsReportedBeforeDownloading() throws Exception {
        useSpace(1_000_000);
        CatalogueModel m = whisperModel(sha256(payload), payload.length);
        assertThat(failure(downloader.download(m, (b, t) -> {}))).hasMessageContaining("Not enough disk space");
        assertThat(ranges).isEmpty();
        assertNothingInstalled(m);
    }

    @Test
    void diskFillingUpDuringTheDownloadStopsItCleanly() throws Exception {
        useSpace(2_500_000); // enough for the size the catalogue claims, not for what the server sends
        CatalogueModel m = whisperModel(sha256(payload), 1_000_000);
        assertThat(failure(downloader.download(m, (b, t) -> {})))
                .hasMessageContaining("Not enough disk space to finish");
        assertNothingInstalled(m);
        assertThat(Files.size(shelf.partFile(m))).isLessThanOrEqualTo(2_500_000);
    }

    @Test
    void cancelledDownloadStopsAndKeepsItsPartForLater() throws Exception {
        throttleMicrosPerChunk = 20_000;
        CatalogueModel m = whisperModel(sha256(payload), payload.length);
        ModelDownloader.Download[] d = new ModelDownloader.Download[1];
        d[0] = downloader.download(m, (b, t) -> {
            if (b > 300_000 && d[0] != null) {
                d[0].cancel();
            }
        });
        assertThat(failure(d[0])).hasMessageContaining("cancelled");
        assertNothingInstalled(m);
        assertThat(Files.size(shelf.partFile(m))).isLessThan(payload.length);
    }

    @Test
    void modelWithoutAPinnedChecksumIsNeverDownloaded() {
        CatalogueModel m = whisperModel(null, payload.length);
        assertThat(failure(downloader.download(m, (b, t) -> {}))).hasMessageContaining("no checksum");
        assertThat(ranges).isEmpty();
    }

    @Test
    void zippedVoskModelIsUnpackedIntoItsFolder() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            for (String name : List.of("vosk-model-x/am/final.mdl", "vosk-model-x/conf/mfcc.conf")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(name.getBytes());
                z.closeEntry();
            }
        }
        served = zip.toByteArray();
        CatalogueModel m = new CatalogueModel(
                "vosk-test",
                "Vosk test",
                "vosk",
                List.of("en-US"),
                served.length,
                url("/model.bin"),
                sha256(served),
                "Apache-2.0",
                "zip",
                "");
        Path folder = downloader.download(m, (b, t) -> {}).result().get(30, TimeUnit.SECONDS);
        assertThat(folder.resolve("am/final.mdl")).hasContent("vosk-model-x/am/final.mdl");
        assertThat(folder.resolve("conf/mfcc.conf")).exists();
    }

    @Test
    void importFromALocalFileChecksItAndDeleteRemovesTheModel() throws Exception {
        CatalogueModel m = whisperModel(sha256(payload), payload.length);
        Path wrong = Files.write(data.resolve("wrong.bin"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> shelf.importFile(m, wrong))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("checksum does not match");
        assertNothingInstalled(m);

        Path right = Files.write(data.resolve("ggml-test.bin"), payload);
        Path installed = shelf.importFile(m, right);
        assertThat(Files.readAllBytes(installed)).isEqualTo(payload);
        assertThat(right).exists(); // copied, not moved

        shelf.delete(m);
        assertNothingInstalled(m);
    }
}
