package dev.candor.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Start-up time of the app: from forking {@code java -cp … dev.candor.app.Main --exit-when-ready}
 * to the "READY" line it prints once the join screen is shown, JVM start included. Cold = first
 * start on an empty data dir; warm = later starts on the same data dir. Median of 5 runs each,
 * under the current DISPLAY (an Xvfb of its own when there is none); each run starts after the
 * previous one's processes (Chromium helpers, BridJ's clean-up JVM) have ended. Targets: warm < 1.0 s,
 * cold < 2.5 s. The OS file cache is not dropped (the machine is shared). A one-label JavaFX app
 * ({@link StartupBaseline}) is started alternately with the same JVM, and the ratio to it is
 * printed: on a loaded machine the ratio says more than the milliseconds. It also times
 * installed-like starts (the app jar with an AppCDS archive made by {@code cds-training}, and the
 * browser unpacked ahead as the Linux package ships it), target warm &lt; 1.5 s. Arguments are extra
 * JVM options for the app, e.g. {@code -Dbench="startup -XX:TieredStopAtLevel=1"}.
 */
public final class StartupBench {
    private static final int RUNS = Integer.getInteger("startup.runs", 5);
    /** Pause after each run once its processes are gone, so runs do not overlap. */
    private static final long SETTLE_MS = Long.getLong("startup.settleMs", 500);

    private static List<String> jvmOptions = List.of();

    private StartupBench() {}

    public static void main(String[] args) throws Exception {
        // The app's own JVM options (the POM's app.jvmArgs) unless others are given.
        jvmOptions = args.length > 0
                ? List.of(args)
                : List.of(System.getProperty("candor.app.jvmArgs", "").split("\\s+")).stream()
                        .filter(a -> !a.isBlank())
                        .toList();
        if (!jvmOptions.isEmpty()) System.out.println("App JVM options: " + String.join(" ", jvmOptions));
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = ":" + (90 + ProcessHandle.current().pid() % 100);
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Thread.sleep(1000);
            System.out.println("No DISPLAY: started Xvfb on " + display);
        }
        try {
            run(display);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void run(String display) throws Exception {
        String fullPath = System.getProperty("java.class.path");
        String classPath = Arrays.stream(fullPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        Path root = Files.createTempDirectory("candor-startup");
        try {
            // The installed app's way (packaging/linux): the app as a jar, an AppCDS archive made
            // by cds-training from the shipped class list, and the browser unpacked ahead of time.
            Optional<Installed> installed;
            try {
                installed = prepareInstalled(classPath, display, root);
            } catch (IllegalStateException e) {
                // An older build without unpack-browser / cds-training: plain starts only.
                System.out.println("Installed-like starts skipped: " + e.getMessage());
                installed = Optional.empty();
            }
            List<long[]> cold = new ArrayList<>();
            List<long[]> baseline = new ArrayList<>();
            List<long[]> coldInstalled = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                cold.add(start(classPath, List.of(), display, root.resolve("cold-" + i)));
                baseline.add(launch(fullPath, display, List.of("dev.candor.bench.StartupBaseline")));
                if (installed.isPresent()) {
                    Installed in = installed.get();
                    coldInstalled.add(start(in.classPath(), in.options(), display, root.resolve("cold-inst-" + i)));
                }
            }
            Path warmDir = root.resolve("warm");
            start(classPath, List.of(), display, warmDir); // first start creates the data dir; not counted
            List<long[]> warm = new ArrayList<>();
            List<long[]> warmInstalled = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                warm.add(start(classPath, List.of(), display, warmDir));
                if (installed.isPresent()) {
                    Installed in = installed.get();
                    warmInstalled.add(start(in.classPath(), in.options(), display, warmDir));
                }
            }
            long base = report("baseline: one-label app", baseline, Long.MAX_VALUE);
            long coldMedian = report("cold (empty data dir)", cold, 2500);
            long warmMedian = report("warm", warm, 1000);
            System.out.printf(
                    Locale.ROOT,
                    "ratio to baseline: cold %.2fx, warm %.2fx%n",
                    coldMedian / (double) base,
                    warmMedian / (double) base);
            if (installed.isPresent()) {
                long ci = report("installed-like cold", coldInstalled, 2500);
                long wi = report("installed-like warm", warmInstalled, 1500);
                System.out.printf(
                        Locale.ROOT,
                        "installed-like (jar + AppCDS + browser unpacked ahead): ratio to baseline cold %.2fx, warm %.2fx%n",
                        ci / (double) base,
                        wi / (double) base);
            }
            System.out.printf(
                    Locale.ROOT,
                    "load average at end: %s (2 cores shared by the team; figures scale with it)%n",
                    Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Class path and JVM options of an installed-like start. */
    private record Installed(String classPath, List<String> options) {}

    /**
     * Makes what the Linux package carries or makes at install: the browser unpacked ahead
     * ({@code unpack-browser}) and an AppCDS archive of the app jar's class path
     * ({@code cds-training} under {@code -XX:ArchiveClassesAtExit}). Empty when the app jar is not
     * built (the bench profile runs after {@code package}, so it normally is).
     */
    private static Optional<Installed> prepareInstalled(String classPath, String display, Path root) throws Exception {
        List<String> entries = List.of(classPath.split(File.pathSeparator));
        Optional<Path> classes = entries.stream()
                .map(Path::of)
                .filter(p -> p.endsWith(Path.of("target", "classes")))
                .findFirst();
        Optional<Path> jar = Optional.empty();
        if (classes.isPresent()) {
            try (Stream<Path> files = Files.list(classes.get().getParent())) {
                jar = files.filter(p -> p.getFileName().toString().matches("candor-[0-9][^/]*\\.jar"))
                        .findFirst();
            }
        }
        if (jar.isEmpty()) {
            System.out.println("No app jar in target/: installed-like starts skipped (run through -Pbench verify)");
            return Optional.empty();
        }
        Path classesDir = classes.get();
        String jarClassPath = jar.get()
                + File.pathSeparator
                + entries.stream()
                        .filter(e -> !Path.of(e).equals(classesDir))
                        .collect(Collectors.joining(File.pathSeparator));
        Path runtime = root.resolve("bundled-jcef");
        Path list = root.resolve("startup.classlist");
        Path archive = root.resolve("candor.jsa");
        try (var in = StartupBench.class.getResourceAsStream("/dev/candor/app/startup.classlist")) {
            if (in == null) {
                System.out.println("No start-up class list in this build: installed-like starts skipped");
                return Optional.empty();
            }
            Files.copy(in, list);
        }
        runToEnd(
                jarClassPath,
                List.of(
                        "dev.candor.app.Main",
                        "--data-dir",
                        root.resolve("prep").toString(),
                        "unpack-browser",
                        runtime.toString()));
        List<String> training = new ArrayList<>(jvmOptions);
        training.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + archive,
                "dev.candor.app.Main",
                "--data-dir",
                root.resolve("prep").toString(),
                "cds-training",
                list.toString()));
        runToEnd(jarClassPath, training);
        if (!Files.isRegularFile(archive)) {
            System.out.println("cds-training wrote no archive: installed-like starts skipped");
            return Optional.empty();
        }
        System.out.printf(
                Locale.ROOT,
                "installed-like: AppCDS archive %d MB from the shipped class list%n",
                Files.size(archive) >> 20);
        return Optional.of(new Installed(
                jarClassPath,
                List.of(
                        "-XX:SharedArchiveFile=" + archive,
                        "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off",
                        "-Dcandor.browser.runtime=" + runtime)));
    }

    private static void runToEnd(String classPath, List<String> mainAndArgs) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath));
        command.addAll(mainAndArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("failed: " + String.join(" ", mainAndArgs));
        }
    }

    /** One start; returns {wall ms from fork to READY, the app's own ms since process start}. */
    private static long[] start(String classPath, List<String> extraOptions, String display, Path dataDir)
            throws Exception {
        List<String> mainAndArgs = new ArrayList<>(jvmOptions);
        mainAndArgs.addAll(extraOptions);
        mainAndArgs.addAll(List.of("dev.candor.app.Main", "--data-dir", dataDir.toString(), "--exit-when-ready"));
        return launch(classPath, display, mainAndArgs);
    }

    private static long[] launch(String classPath, String display, List<String> mainAndArgs) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        long forked = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<long[]> ready = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader err = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = err.readLine()) != null) {
                            if (line.startsWith("READY ")) {
                                long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - forked);
                                ready.complete(new long[] {
                                    wall, Long.parseLong(line.substring(6).strip())
                                });
                            }
                        }
                    } catch (IOException | NumberFormatException e) {
                        ready.completeExceptionally(e);
                    }
                    ready.completeExceptionally(new IllegalStateException("app ended without READY"));
                },
                "startup-bench-reader");
        reader.start();
        // Chromium's helpers and the JVM BridJ (webcam) starts at exit to delete its temp files
        // outlive the app by a moment; the next start must not share the 2 cores with them.
        Set<ProcessHandle> children = new HashSet<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!ready.isDone() && System.nanoTime() < deadline) {
                process.descendants().forEach(children::add);
                Thread.sleep(20);
            }
            return ready.get(1, TimeUnit.SECONDS);
        } finally {
            while (process.isAlive() && !process.waitFor(20, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(children::add);
            }
            reader.join(5000);
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (ProcessHandle child : children) {
                while (child.isAlive() && System.nanoTime() < settle) {
                    Thread.sleep(20);
                }
            }
            Thread.sleep(SETTLE_MS);
        }
    }

    private static long report(String name, List<long[]> runs, long targetMs) {
        long[] wall = runs.stream().mapToLong(r -> r[0]).sorted().toArray();
        long[] own = runs.stream().mapToLong(r -> r[1]).sorted().toArray();
        long median = wall[wall.length / 2];
        System.out.printf(
                Locale.ROOT,
                "startup %-22s median %5d ms (min %d, max %d, n=%d; app's own count median %d ms) target < %d ms: %s%n",
                name,
                median,
                wall[0],
                wall[wall.length - 1],
                wall.length,
                own[own.length / 2],
                targetMs == Long.MAX_VALUE ? 0 : targetMs,
                targetMs == Long.MAX_VALUE ? "-" : median < targetMs ? "MET" : "MISSED");
        return median;
    }
}
