package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ui.join.JoinPrefill;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real second {@code candor <link>} process (its own JVM, the real {@link Main}) against a
 * running instance's channel in this JVM: it hands its link over and exits with 0 before making
 * anything of its own (no Chromium, no logs, no settings).
 */
class SecondInstanceTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondProcessHandsItsLinkOverAndExitsWithoutStartingAnything() throws Exception {
        BlockingQueue<JoinPrefill> received = new LinkedBlockingQueue<>();
        InstanceChannel channel = new InstanceChannel(
                InstanceChannel.socketFor(dataDir, InstanceChannel.userRuntimeDir())
                        .orElseThrow(),
                Duration.ofSeconds(2));
        try (InstanceChannel.Listening running = channel.listen(received::add)) {
            Process second = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "--data-dir",
                            dataDir.toString(),
                            "--name",
                            "Ana",
                            "jitsi-meet://meet.example.org/Standup"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).as(err).isZero();
            assertThat(err).contains("already running");
            assertThat(received.poll(5, TimeUnit.SECONDS))
                    .isEqualTo(new JoinPrefill(
                            Optional.of("https://meet.example.org"), Optional.of("Standup"), Optional.of("Ana")));
            try (var files = Files.list(dataDir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("the second process made nothing in the data dir")
                        .doesNotContain("jcef", "jcef-cache", "logs", "settings.json");
            }
        }
    }
}
