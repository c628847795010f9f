package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessAgeTest {

    @Test
    void ageIsUptimeMinusTheStartTicksEvenWithSpacesAndParenthesesInTheCommandName(@TempDir Path dir) throws Exception {
        Path stat = Files.writeString(
                dir.resolve("stat"),
                "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 2 0 0 20 0 30 0 123456 5000 300\n");
        Path uptime = Files.writeString(dir.resolve("uptime"), "1236.03 2400.00\n");

        assertThat(ProcessAge.fromProc(stat, uptime)).hasValue(1470);
    }

    @Test
    void unreadableOrMalformedProcFilesGiveNothing(@TempDir Path dir) throws Exception {
        Path stat = Files.writeString(dir.resolve("stat"), "garbage");
        Path uptime = Files.writeString(dir.resolve("uptime"), "1.0 2.0");

        assertThat(ProcessAge.fromProc(stat, uptime)).isEmpty();
        assertThat(ProcessAge.fromProc(dir.resolve("missing"), uptime)).isEmpty();
    }

    @Test
    void thisProcessIsAFewSecondsOldAtMost() {
        assertThat(ProcessAge.now()).isPositive().isLessThan(Duration.ofHours(1));
    }
}
