package dev.candor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import me.friwi.jcefmaven.EnumPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeDirTest {
    @TempDir
    Path temp;

    /** A runtime folder that passes jcefmaven's check without unpacking 357 MB: its lock and metadata. */
    private Path bundled(String buildMeta) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("opt/candor/lib/app/jcef"));
        Files.writeString(dir.resolve(RuntimeDir.BUILD_META), buildMeta);
        Files.createFile(dir.resolve(RuntimeDir.INSTALL_LOCK));
        Files.writeString(dir.resolve("libcef.so"), "stand-in");
        return dir;
    }

    /** What an unpack writes: the class path's build_meta.json with this machine's platform. */
    private static String buildMetaOfTheClassPath() throws Exception {
        try (InputStream in = RuntimeDirTest.class.getResourceAsStream("/" + RuntimeDir.BUILD_META)) {
            assertThat(in).as("jcef-api's build_meta.json on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll(
                            "\"platform\"\\s*:\\s*\"[^\"]*\"",
                            "\"platform\": \""
                                    + EnumPlatform.getCurrentPlatform().getIdentifier() + "\"");
        }
    }

    @Test
    void aCompleteBundledRuntimeIsUsedInPlace() throws Exception {
        Path dir = bundled(buildMetaOfTheClassPath());
        BrowserSettings settings = BrowserSettings.of(temp.resolve("data")).withBundledRuntime(dir);

        assertThat(RuntimeDir.isComplete(dir)).isTrue();
        assertThat(RuntimeDir.choose(settings)).isEqualTo(dir);
    }

    @Test
    void withoutABundledRuntimeTheNativesAreUnpackedIntoTheDataDir() {
        Path data = temp.resolve("data");

        assertThat(RuntimeDir.choose(BrowserSettings.of(data))).isEqualTo(data.resolve("jcef"));
    }

    @Test
    void anUnfinishedBundledRuntimeIsNotUsed() throws Exception {
        Path dir = bundled(buildMetaOfTheClassPath());
        Files.delete(dir.resolve(RuntimeDir.INSTALL_LOCK));
        Path data = temp.resolve("data");

        assertThat(RuntimeDir.choose(BrowserSettings.of(data).withBundledRuntime(dir)))
                .isEqualTo(data.resolve("jcef"));
    }

    @Test
    void aBundledRuntimeOfAnotherBuildIsNotUsedAndLeftAlone() throws Exception {
        String other = buildMetaOfTheClassPath()
                .replaceAll("\"release_tag\"\\s*:\\s*\"[^\"]*\"", "\"release_tag\": \"jcef-0000000+cef-1.0.0\"");
        assertThat(other).contains("jcef-0000000");
        Path dir = bundled(other);
        Path data = temp.resolve("data");

        assertThat(RuntimeDir.choose(BrowserSettings.of(data).withBundledRuntime(dir)))
                .isEqualTo(data.resolve("jcef"));
        assertThat(dir.resolve("libcef.so")).as("never deleted or re-unpacked").hasContent("stand-in");
    }

    @Test
    void aMissingBundledFolderIsNotUsed() {
        Path data = temp.resolve("data");

        assertThat(RuntimeDir.choose(BrowserSettings.of(data).withBundledRuntime(temp.resolve("gone"))))
                .isEqualTo(data.resolve("jcef"));
    }
}
