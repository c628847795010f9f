package dev.candor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Where a process tree's memory goes, for finding what to cut: each process's kind (the JVM, or
 * Chromium's {@code --type}) with its PSS split into anonymous, file-backed and shared memory; the
 * JVM's biggest mappings by PSS; and, when the JVM runs with
 * {@code -XX:NativeMemoryTracking=summary}, the JVM's own view (heap, metaspace, code, threads).
 */
final class MemoryBreakdown {
    private MemoryBreakdown() {}

    static String of(List<ProcessHandle> tree) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "  %-8s %-28s %8s %8s %8s %8s%n", "pid", "kind", "PSS MB", "anon", "file", "shmem"));
        for (ProcessHandle p : tree) {
            Map<String, Long> r = rollup(p.pid());
            out.append(String.format(
                    Locale.ROOT,
                    "  %-8d %-28s %8.1f %8.1f %8.1f %8.1f%n",
                    p.pid(),
                    kind(p.pid()),
                    mb(r.getOrDefault("Pss", 0L)),
                    mb(r.getOrDefault("Pss_Anon", 0L)),
                    mb(r.getOrDefault("Pss_File", 0L)),
                    mb(r.getOrDefault("Pss_Shmem", 0L))));
        }
        long jvm = ProcessHandle.current().pid();
        out.append("  JVM mappings by PSS (MB, anonymous ones grouped by size):\n");
        mappings(jvm).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(25)
                .forEach(e -> out.append(String.format(Locale.ROOT, "    %8.1f  %s%n", mb(e.getValue()), e.getKey())));
        out.append(nativeMemory());
        return out.toString();
    }

    /** The biggest classes on the Java heap; forces a full collection, so call it after measuring. */
    static String heapHistogram() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            String[] lines = text.toString().split("\n");
            StringBuilder out = new StringBuilder("  Java heap after a full collection (top classes):\n");
            for (int i = 0; i < Math.min(18, lines.length); i++) {
                out.append("    ").append(lines[i]).append('\n');
            }
            out.append("    ").append(lines[lines.length - 1]).append('\n');
            return out.toString();
        } catch (Exception e) {
            return "  (class histogram failed: " + e + ")\n";
        }
    }

    private static double mb(long kib) {
        return kib / 1024.0;
    }

    private static String kind(long pid) {
        try {
            String[] args = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .split("[\0 ]");
            if (pid == ProcessHandle.current().pid()) {
                return "jvm (browser process)";
            }
            String type = "?";
            String sub = "";
            for (String a : args) {
                if (a.startsWith("--type=")) {
                    type = a.substring(7);
                } else if (a.startsWith("--utility-sub-type=")) {
                    sub = a.substring(a.lastIndexOf('.') + 1);
                }
            }
            return sub.isEmpty() ? type : type + " " + sub;
        } catch (IOException e) {
            return "gone";
        }
    }

    static Map<String, Long> rollup(long pid) {
        Map<String, Long> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                String[] f = line.split("\\s+");
                if (f.length >= 2 && f[0].endsWith(":")) {
                    try {
                        m.put(f[0].substring(0, f[0].length() - 1), Long.parseLong(f[1]));
                    } catch (NumberFormatException e) {
                        // the header line
                    }
                }
            }
        } catch (IOException e) {
            // process gone
        }
        return m;
    }

    /** PSS per mapping name; anonymous mappings grouped by their size class. */
    private static Map<String, Long> mappings(long pid) {
        Map<String, Long> m = new HashMap<>();
        try {
            String name = null;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
                char c = line.isEmpty() ? ' ' : line.charAt(0);
                if (Character.isDigit(c) || (c >= 'a' && c <= 'f')) { // a mapping's header line
                    name = mappingName(line);
                } else if (line.startsWith("Pss:") && name != null) {
                    m.merge(name, Long.parseLong(line.replaceAll("\\D", "")), Long::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            m.put("(smaps unreadable: " + e + ")", 0L);
        }
        return m;
    }

    private static String mappingName(String header) {
        String[] f = header.trim().split("\\s+", 6);
        if (f.length == 6 && !f[5].isBlank()) {
            String path = f[5].trim();
            return path.startsWith("[") ? path : path.substring(path.lastIndexOf('/') + 1);
        }
        String[] range = f[0].split("-");
        long size = (Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16)) / 1024;
        String bucket = size >= 64 * 1024 ? ">=64MB" : size >= 1024 ? "1-64MB" : size > 132 ? "132KB-1MB" : "<=132KB";
        return "[anon " + bucket + "]";
    }

    private static String nativeMemory() {
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(a -> a.startsWith("-XX:NativeMemoryTracking"))) {
            return "  (run with -XX:NativeMemoryTracking=summary for the JVM's own view)\n";
        }
        try {
            Object text = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "vmNativeMemory",
                            new Object[] {new String[] {"summary", "scale=MB"}},
                            new String[] {String[].class.getName()});
            StringBuilder out = new StringBuilder("  JVM native memory tracking:\n");
            for (String line : text.toString().split("\n")) {
                if (line.contains("committed=") && line.startsWith("-") || line.startsWith("Total")) {
                    out.append("    ").append(line.trim()).append('\n');
                }
            }
            return out.toString();
        } catch (Exception e) {
            return "  (native memory tracking failed: " + e + ")\n";
        }
    }
}
