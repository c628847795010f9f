package dev.candor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Memory of this JVM and every process it started (Chromium's helpers), as summed PSS from
 * {@code /proc/PID/smaps_rollup}: summed RSS would count shared pages once per process.
 */
record ProcessTreeMemory(long pssKiB, int processes, long jvmPssKiB) {
    static ProcessTreeMemory now() {
        List<ProcessHandle> tree = Stream.concat(
                        Stream.of(ProcessHandle.current()),
                        ProcessHandle.current().descendants())
                .toList();
        long sum = 0;
        for (ProcessHandle p : tree) {
            sum += pss(p.pid());
        }
        return new ProcessTreeMemory(
                sum, tree.size(), pss(ProcessHandle.current().pid()));
    }

    static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
