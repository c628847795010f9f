package dev.candor.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * How long this process has been running, for the start-up log line. On Linux it is read from
 * {@code /proc} against the time since boot, both in clock ticks: {@link ProcessHandle.Info#startInstant()}
 * adds the boot time, which the kernel gives in whole seconds, so it can be off by up to a second.
 */
final class ProcessAge {
    /** Linux's USER_HZ: the unit of /proc/PID/stat's start time on every Linux architecture in use. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessAge() {}

    static Duration now() {
        OptionalLong fromProc = fromProc(Path.of("/proc/self/stat"), Path.of("/proc/uptime"));
        if (fromProc.isPresent()) {
            return Duration.ofMillis(fromProc.getAsLong());
        }
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(started, Instant.now());
    }

    /** Milliseconds between the process start in {@code stat} and the uptime in {@code uptime}. */
    static OptionalLong fromProc(Path stat, Path uptime) {
        try {
            String s = Files.readString(stat, StandardCharsets.US_ASCII);
            // After the command name in parentheses (which may hold spaces): field 3 onwards.
            String[] fields = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(fields[19]); // field 22 of proc(5)
            double up = Double.parseDouble(
                    Files.readString(uptime, StandardCharsets.US_ASCII).trim().split(" ")[0]);
            long ms = Math.round((up - startTicks / TICKS_PER_SECOND) * 1000);
            return ms >= 0 ? OptionalLong.of(ms) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
