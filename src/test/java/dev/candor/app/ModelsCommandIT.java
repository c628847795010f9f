package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor models} end to end: the command line against a catalogue whose downloads come from
 * an HTTP server this test runs on 127.0.0.1. Ctrl+C is a real SIGINT to a forked Candor.
 */
class ModelsCommandIT {
    @TempDir
    Path data;

    HttpServer server;
    final byte[] payload = new byte[2_000_000];
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    volatile long throttleMillisPerChunk;
    Path catalogue;

    @BeforeEach
    void start() throws Exception {
        new Random(7).nextBytes(payload);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
            ex.sendResponseHeaders(range == null ? 200 : 206, payload.length - from);
            try (OutputStream out = ex.getResponseBody()) {
                for (int at = from; at < payload.length; at += 32_768) {
                    out.write(payload, at, Math.min(32_768, payload.length - at));
                    out.flush();
                    if (throttleMillisPerChunk > 0) {
                        Thread.sleep(throttleMillisPerChunk);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away (cancelled)
            }
            ex.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String good =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        catalogue = Files.writeString(
                data.resolve("catalogue.json"),
                """
                {"models": [
                  {"id": "whisper-test", "title": "Whisper test", "engine": "whisper", "languages": ["en"],
                   "sizeBytes": %d, "url": "%s/ggml-test.bin", "sha256": "%s", "licence": "MIT",
                   "packaging": "file", "file": "ggml-test.bin"},
                  {"id": "whisper-wrong", "title": "Whisper wrong", "engine": "whisper", "languages": ["en"],
                   "sizeBytes": %d, "url": "%s/ggml-test.bin", "sha256": "%s", "licence": "MIT",
                   "packaging": "file", "file": "ggml-wrong.bin"},
                  {"id": "vosk-unpinned", "title": "Vosk unpinned", "engine": "vosk", "languages": ["en-US"],
                   "sizeBytes": 1000, "url": "%s/vosk.zip", "sha256": null, "licence": "Apache-2.0",
                   "packaging": "zip", "file": ""}
                ]}
                """
                        .formatted(payload.length, base, good, payload.length, base, "0".repeat(64), base),
                StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    record Run(int code, String out, String err) {}

    Run candor(String... args) {
        List<String> all = new ArrayList<>(List.of("models", "--data-dir", data.toString(), "--catalogue"));
        all.add(catalogue.toString());
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    Path installedFile() {
        return data.resolve("models/whisper-test/ggml-test.bin");
    }

    @Test
    void listShowsEveryModelWithEngineSizeLicenceAndState() {
        Run run = candor();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("NAME", "ENGINE", "SIZE", "LICENCE", "STATE");
        assertThat(run.out()).containsPattern("vosk-model-small-en-us-0.15 +vosk +\\(bundled\\)");
        assertThat(run.out()).containsPattern("whisper-test +whisper +2 MB +MIT +not installed");
        assertThat(run.out()).containsPattern("vosk-unpinned .*no checksum yet: cannot be downloaded");
        assertThat(candor("list").out()).isEqualTo(run.out());
        assertThat(requests).as("listing fetches nothing").hasValue(0);
    }

    @Test
    void downloadShowsProgressOnStandardErrorVerifiesTheChecksumAndInstalls() throws Exception {
        Run run = candor("download", "whisper-test");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("candor models: whisper-test   0%").contains("100% (2 MB of 2 MB)");
        assertThat(run.out()).contains("Installed whisper-test: " + installedFile());
        assertThat(Files.readAllBytes(installedFile())).isEqualTo(payload);
        assertThat(candor().out()).containsPattern("whisper-test +whisper +2 MB +MIT +installed");
        Run again = candor("download", "whisper-test");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already installed");
        assertThat(requests).hasValue(1);
    }

    @Test
    void downloadThatFailsItsChecksumInstallsNothingAndSaysSoInOneLine() {
        Run run = candor("download", "whisper-wrong");
        assertThat(run.code()).isEqualTo(ModelsCommand.FAILED);
        assertThat(run.err().lines().filter(l -> !l.contains("%")))
                .containsExactly("candor models: The downloaded Whisper wrong does not match its checksum, so it was "
                        + "deleted and nothing was installed.");
        assertThat(data.resolve("models/whisper-wrong")).doesNotExist();
        assertThat(data.resolve("models/whisper-wrong.part")).doesNotExist();
    }

    @Test
    void modelWithoutAPinnedChecksumIsRefusedWithoutFetchingAnything() {
        Run run = candor("download", "vosk-unpinned");
        assertThat(run.code()).isEqualTo(ModelsCommand.REFUSED);
        assertThat(run.err()).contains("no published checksum for vosk-unpinned");
        assertThat(requests).hasValue(0);
    }

    @Test
    void builtInCatalogueRefusesTheLargeVoskModelItHasNoChecksumFor() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {"models", "download", "vosk-model-en-us-0.22-lgraph", "--data-dir", data.toString()},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(ModelsCommand.REFUSED);
        assertThat(err.toString()).contains("will not download it");
        assertThat(data.resolve("models/vosk-model-en-us-0.22-lgraph.part")).doesNotExist();
    }

    @Test
    void unknownNameAndTheBundledModelGetOneLineAndAUsageExitCode() {
        Run unknown = candor("download", "whisper-huge");
        assertThat(unknown.code()).isEqualTo(ModelsCommand.USAGE);
        assertThat(unknown.err().strip())
                .isEqualTo("candor models: no model named 'whisper-huge' in the catalogue (see 'candor models').");
        Run bundled = candor("delete", "vosk-model-small-en-us-0.15");
        assertThat(bundled.code()).isEqualTo(ModelsCommand.USAGE);
        assertThat(bundled.err()).contains("is built into Candor");
    }

    @Test
    void importInstallsAMatchingFileAndRefusesAnyOther() throws Exception {
        Path wrong = Files.write(data.resolve("other.bin"), new byte[] {1, 2, 3});
        Run refused = candor("import", "whisper-test", wrong.toString());
        assertThat(refused.code()).isEqualTo(ModelsCommand.FAILED);
        assertThat(refused.err()).contains("other.bin is not Whisper test (its checksum does not match)");
        assertThat(data.resolve("models/whisper-test")).doesNotExist();
        Run missing =
                candor("import", "whisper-test", data.resolve("nowhere.bin").toString());
        assertThat(missing.code()).isEqualTo(ModelsCommand.FAILED);
        assertThat(missing.err()).contains("does not exist");

        Path copy = Files.write(data.resolve("ggml-from-usb-stick.bin"), payload);
        Run run = candor("import", "whisper-test", copy.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(installedFile())).isEqualTo(payload);
        assertThat(copy).as("import copies, never moves").exists();
        assertThat(requests).hasValue(0);
    }

    @Test
    void deleteRemovesAnInstalledModelAndSaysWhenThereIsNothingToDelete() throws Exception {
        candor(
                "import",
                "whisper-test",
                Files.write(data.resolve("m.bin"), payload).toString());
        Run run = candor("delete", "whisper-test");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Deleted whisper-test.");
        assertThat(data.resolve("models/whisper-test")).doesNotExist();
        Run again = candor("delete", "whisper-test");
        assertThat(again.code()).isEqualTo(ModelsCommand.FAILED);
        assertThat(again.err().strip()).isEqualTo("candor models: whisper-test is not installed; nothing was deleted.");
    }

    /**
     * Ctrl+C in a terminal: a forked Candor gets SIGINT halfway through a slow download, says it
     * was cancelled, exits 130 and keeps the part; the same command then resumes from there.
     */
    @Test
    void ctrlCCancelsADownloadKeepsThePartAndTheSameCommandResumesIt() throws Exception {
        throttleMillisPerChunk = 40; // 2 MB in 32 KB chunks: about 2.5 s
        Path log = data.resolve("forked.log");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "models",
                        "--data-dir",
                        data.toString(),
                        "--catalogue",
                        catalogue.toString(),
                        "download",
                        "whisper-test")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Path part = data.resolve("models/whisper-test.part");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.isRegularFile(part) && Files.size(part) > 300_000) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(part).as("download under way").exists();
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isEqualTo(ModelsCommand.CANCELLED);
        assertThat(output).contains("download of whisper-test cancelled; the part fetched so far is kept");
        long kept = Files.size(part);
        assertThat(kept).isBetween(300_000L, (long) payload.length - 1);
        assertThat(data.resolve("models/whisper-test")).doesNotExist();

        throttleMillisPerChunk = 0;
        Run resumed = candor("download", "whisper-test");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(ranges).last().isEqualTo("bytes=" + kept + "-");
        assertThat(Files.readAllBytes(installedFile())).isEqualTo(payload);
        assertThat(part).doesNotExist();
    }
}
