package dev.candor.ai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test-side {@code main} in a fresh JVM with the test class path, to check that native
 * engines let the process end by itself: the mains return normally (no {@code System.exit}), so a
 * thread left running by a native library keeps the JVM alive and the run times out.
 */
public final class ForkedJvm {
    private ForkedJvm() {}

    /** What the forked JVM did: exit code (or -1 if it had to be killed) and its output. */
    public record Outcome(int exitCode, boolean exitedByItself, String output) {}

    public static Outcome run(Class<?> main, Path workDir, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "forked-", ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Outcome(ended ? p.exitValue() : -1, ended, output);
    }
}
