package dev.candor.ai.stt.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.ai.SpeechToTextException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledVoskModelTest {
    @TempDir
    Path models;

    static byte[] archive(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("AndroidManifest.xml"));
            zip.closeEntry();
            for (String n : names) {
                zip.putNextEntry(new ZipEntry("assets/model-en-us/" + n));
                zip.write(("content of " + n).getBytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void theArchiveShippedOnTheClassPathHasThePinnedChecksum() throws Exception {
        try (var in = BundledVoskModel.class.getResourceAsStream(BundledVoskModel.RESOURCE)) {
            assertThat(in)
                    .as("the build copies the model archive onto the class path")
                    .isNotNull();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
            assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(BundledVoskModel.SHA256);
        }
    }

    @Test
    void damagedArchiveIsRefusedAndNothingIsLeftInstalled() throws Exception {
        byte[] zip = archive("am/final.mdl", "conf/mfcc.conf");
        BundledVoskModel model =
                new BundledVoskModel(models, () -> new ByteArrayInputStream(zip), BundledVoskModel.SHA256);
        assertThatThrownBy(model::install)
                .isInstanceOf(SpeechToTextException.class)
                .hasMessageContaining("damaged");
        assertThat(model.folder()).doesNotExist();
        try (Stream<Path> left = Files.list(models)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void installedModelIsReusedAndAnIncompleteOneIsUnpackedAgain() throws Exception {
        byte[] zip = archive("am/final.mdl", "conf/mfcc.conf", "README");
        AtomicInteger opened = new AtomicInteger();
        BundledVoskModel model = new BundledVoskModel(
                models,
                () -> {
                    opened.incrementAndGet();
                    return new ByteArrayInputStream(zip);
                },
                sha256(zip));
        Path folder = model.install();
        assertThat(folder.resolve("am/final.mdl")).hasContent("content of am/final.mdl");
        assertThat(folder.resolve("AndroidManifest.xml")).doesNotExist();
        model.install();
        assertThat(opened).hasValue(1);

        Files.writeString(folder.resolve("conf/mfcc.conf"), "x"); // damaged by something else
        model.install();
        assertThat(opened).hasValue(2);
        assertThat(folder.resolve("conf/mfcc.conf")).hasContent("content of conf/mfcc.conf");
    }
}
