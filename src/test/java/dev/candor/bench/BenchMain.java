package dev.candor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the project's benchmarks: {@code mvn -B -q -Pbench verify -Dbench=NAME} runs
 * {@code dev.candor.bench.NAMEBench} (case-insensitive first letter), {@code -Dbench=all} every
 * {@code *Bench} class in this package. Each benchmark is a plain {@code main} that prints its
 * figures; benchmarks are never unit tests.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        if (which.equalsIgnoreCase("all")) {
            runEachInItsOwnJvm(discover(), rest);
            return;
        }
        for (String name : List.of(className(which))) {
            Class<?> type = Class.forName(name);
            Method main = type.getMethod("main", String[].class);
            System.out.printf(Locale.ROOT, "%n=== %s ===%n", type.getSimpleName());
            main.invoke(null, (Object) rest);
        }
    }

    /**
     * Embedded Chromium can start only once per process, and benchmarks should not share a warm
     * JVM, so {@code all} runs each benchmark in a fresh JVM with this JVM's options.
     */
    private static void runEachInItsOwnJvm(List<String> names, String[] rest) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> failed = new ArrayList<>();
        for (String name : names) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchMain.class.getName()));
            command.add(name.substring(name.lastIndexOf('.') + 1));
            command.addAll(Arrays.asList(rest));
            int code = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (code != 0) {
                failed.add(name);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("benchmarks failed: " + failed);
        }
    }

    private static String className(String name) {
        String simple = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return BenchMain.class.getPackageName() + "." + (simple.endsWith("Bench") ? simple : simple + "Bench");
    }

    private static List<String> discover() throws IOException, URISyntaxException {
        Path dir =
                Path.of(BenchMain.class.getResource("BenchMain.class").toURI()).getParent();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith("Bench.class"))
                    .sorted()
                    .forEach(f -> names.add(BenchMain.class.getPackageName() + "." + f.replace(".class", "")));
        }
        return names;
    }
}
