package dev.candor.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.candor.browser.RuntimeDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inspects the Linux installer that {@code mvn -Pinstaller verify} builds: what a user installs
 * must hold the launcher, the icon, a desktop entry that opens jitsi-meet:// and candor:// links,
 * the JCEF natives (the app starts offline) and a Java runtime with every module the app needs.
 * Without the installer profile the tests are skipped.
 */
class DebPackageIT {
    private static final String APP = "./opt/candor/";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    @TempDir
    static Path unpacked;

    private static Path deb;
    /** Path in the package → its `dpkg-deb -c` line (mode, owner, size, date, path). */
    private static Map<String, String> listing;

    /** Why the tests are skipped in this build, or null when there is a package to inspect. */
    private static String skipReason;

    @BeforeAll
    static void unpackTheInstaller() throws Exception {
        String expected = System.getProperty("candor.installer.deb", "");
        if (expected.isBlank()) {
            skipReason = "No installer in this build: DebPackageIT runs in `xvfb-run -a mvn -B -Pinstaller verify`";
            return;
        }
        if (!System.getProperty("os.name").startsWith("Linux")) {
            skipReason = "The .deb is built and inspected on Linux only; this is " + System.getProperty("os.name");
            return;
        }
        deb = Path.of(expected);
        assertThat(deb)
                .as("the -Pinstaller build should have written the package %s", deb)
                .isRegularFile();

        listing = new LinkedHashMap<>();
        for (String line : run("dpkg-deb", "--contents", deb.toString()).split("\n")) {
            String[] columns = line.trim().split("\\s+", 6);
            if (columns.length == 6) {
                listing.put(columns[5].replaceFirst(" -> .*$", ""), line);
            }
        }
        run("dpkg-deb", "--extract", deb.toString(), unpacked.toString());
    }

    @BeforeEach
    void needsTheInstaller() {
        assumeTrue(skipReason == null, skipReason);
    }

    @Test
    void packageHoldsAnExecutableLauncherTheIconAndTheDesktopEntry() {
        assertThat(listing).containsKeys(APP + "bin/Candor", APP + "lib/Candor.png", APP + "lib/candor-Candor.desktop");
        assertThat(listing.get(APP + "bin/Candor")).startsWith("-rwxr-xr-x");
        assertThat(unpacked.resolve("opt/candor/lib/Candor.png"))
                .hasBinaryContent(readResource("/dev/candor/ui/icon-256.png"));
    }

    @Test
    void packageCarriesTheBrowserUnpackedAndTheLinuxJavaFxJarsOnTheClassPath() throws IOException {
        Path runtime = unpacked.resolve("opt/candor/lib/app/jcef");
        assertThat(sizeOf(APP + "lib/app/jcef/libcef.so"))
                .as("the Chromium runtime must be inside the package: the installed app never downloads it")
                .isGreaterThan(100_000_000L);
        assertThat(listing.get(APP + "lib/app/jcef/jcef_helper")).startsWith("-rwxr-xr-x");
        assertThat(RuntimeDir.isComplete(runtime))
                .as("the unpacked runtime passes jcefmaven's own check, so the app uses it in place")
                .isTrue();
        assertThat(listing.keySet())
                .as("the natives jar is not shipped a second time")
                .noneMatch(path -> path.startsWith(APP + "lib/app/jcef-natives-"));
        String graphics = entryStartingWith(APP + "lib/app/javafx-graphics-");
        assertThat(listing.keySet()).anyMatch(path -> path.matches(".*/javafx-graphics-[0-9.]+-linux\\.jar"));

        String cfg = Files.readString(unpacked.resolve("opt/candor/lib/app/Candor.cfg"));
        List<String> classPath = cfg.lines()
                .filter(line -> line.startsWith("app.classpath="))
                .map(line -> line.substring(line.lastIndexOf('/') + 1))
                .collect(Collectors.toList());
        assertThat(classPath)
                .as("the launcher's class path (ADR 0004: class path, not modules)")
                .contains(fileName(graphics))
                .anyMatch(jar -> jar.matches("candor-.*\\.jar"));
        assertThat(cfg)
                .contains("app.mainclass=dev.candor.app.Main")
                .contains("java-options=-Dcandor.browser.runtime=$APPDIR/jcef");
    }

    @Test
    void startUpArchiveIsMadeAtInstallFromTheShippedClassList() throws IOException {
        assertThat(listing).containsKey(APP + "lib/app/candor.classlist");
        List<String> classes = Files.readAllLines(unpacked.resolve("opt/candor/lib/app/candor.classlist"));
        assertThat(classes)
                .as("the class list of a real start, made at build time under the build's display")
                .anyMatch(line -> line.matches("dev/candor/app/Main( .*)?"))
                .anyMatch(line -> line.matches("javafx/scene/control/Button( .*)?"));
        assertThat(Files.readString(unpacked.resolve("opt/candor/lib/app/Candor.cfg")))
                .contains("java-options=-XX:SharedArchiveFile=$APPDIR/candor.jsa");
        assertThat(run("dpkg-deb", "--info", deb.toString(), "postinst"))
                .contains("-XX:ArchiveClassesAtExit=\"$candor_app/candor.jsa.tmp\"")
                .contains("cds-training \"$candor_app/candor.classlist\"")
                .contains("mv -f \"$candor_app/candor.jsa.tmp\" \"$candor_app/candor.jsa\"");
        assertThat(run("dpkg-deb", "--info", deb.toString(), "prerm")).contains("rm -f /opt/candor/lib/app/candor.jsa");
    }

    @Test
    void desktopEntryOpensJitsiMeetAndCandorLinks() throws IOException {
        Map<String, String> entry = desktopEntry(unpacked.resolve("opt/candor/lib/candor-Candor.desktop"));

        assertThat(entry).containsEntry("Type", "Application").containsEntry("Name", "Candor");
        assertThat(entry.get("Exec")).isEqualTo("/opt/candor/bin/Candor %u");
        assertThat(listing).containsKey("." + entry.get("Icon"));
        assertThat(entry.get("Categories").split(";")).contains("Network", "VideoConference");
        assertThat(entry.get("MimeType").split(";")).contains("x-scheme-handler/jitsi-meet", "x-scheme-handler/candor");
    }

    @Test
    void installScriptsRegisterTheLinkHandlersAndTheMetainfo() {
        String postinst = run("dpkg-deb", "--info", deb.toString(), "postinst");
        assertThat(postinst)
                .contains("xdg-desktop-menu install /opt/candor/lib/candor-Candor.desktop")
                .contains("install -D -m 0644 /opt/candor/lib/candor-Candor.desktop /usr/share/applications/")
                .contains("update-desktop-database")
                .contains("/usr/share/metainfo/dev.candor.Candor.metainfo.xml");
        assertThat(listing).containsKey(APP + "lib/app/dev.candor.Candor.metainfo.xml");
        assertThat(run("dpkg-deb", "--info", deb.toString(), "prerm"))
                .contains("xdg-desktop-menu uninstall")
                .contains("rm -f /usr/share/metainfo/dev.candor.Candor.metainfo.xml");
    }

    @Test
    void controlFileNamesThePackageAndTheLibrariesChromiumAndJavaFxLoad() {
        String control = run("dpkg-deb", "--field", deb.toString(), "Package", "Architecture", "Depends");
        assertThat(control).contains("Package: candor", "Architecture: amd64");
        String depends = control.substring(control.indexOf("Depends:"));
        assertThat(depends.trim().split("\\s*[,:]\\s*"))
                .contains("libgtk-3-0", "libnss3", "libgbm1", "libasound2", "xdg-utils", "desktop-file-utils");
    }

    @Test
    void bundledRuntimeHasEveryModuleTheClassPathNeeds() throws IOException {
        Set<String> bundled = new TreeSet<>();
        for (String line : Files.readAllLines(unpacked.resolve("opt/candor/lib/runtime/release"))) {
            if (line.startsWith("MODULES=")) {
                bundled.addAll(Arrays.asList(line.substring(8).replace("\"", "").split("\\s+")));
            }
        }
        Path app = unpacked.resolve("opt/candor/lib/app");
        List<String> jars;
        try (Stream<Path> files = Files.list(app)) {
            jars = files.map(Path::toString)
                    .filter(name -> name.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        List<String> jdeps = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jdeps").toString(),
                "-q",
                "--print-module-deps",
                "--ignore-missing-deps",
                "--multi-release",
                "17",
                "--class-path",
                String.join(":", jars)));
        jdeps.addAll(jars);
        Set<String> needed = new TreeSet<>(
                Arrays.asList(run(jdeps.toArray(String[]::new)).trim().split(",")));

        assertThat(bundled)
                .as("modules of /opt/candor/lib/runtime; add the missing ones to installer.modules in pom.xml")
                .containsAll(needed);
    }

    @Test
    void launcherStartsTheUnpackedAppOffline() throws Exception {
        Path launcher = unpacked.resolve("opt/candor/bin/Candor");
        ProcessBuilder start = new ProcessBuilder(launcher.toString(), "--help")
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        start.environment().put("HOME", unpacked.resolve("home").toString());
        start.environment().put("XDG_DATA_HOME", unpacked.resolve("home/data").toString());
        Process process = start.start();
        CompletableFuture<String> output = readAll(process);
        boolean ended = process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the launcher should exit after --help").isTrue();
        assertThat(process.exitValue())
                .as("launcher exit code; output:%n%s", output.get(10, TimeUnit.SECONDS))
                .isZero();
    }

    @Test
    void launcherStartsWhenTheStartUpArchiveIsDamaged() throws Exception {
        Path archive = unpacked.resolve("opt/candor/lib/app/candor.jsa");
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(junk);
        Files.write(archive, junk);
        try {
            ProcessBuilder start = new ProcessBuilder(
                            unpacked.resolve("opt/candor/bin/Candor").toString(), "--version")
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            start.environment().put("HOME", unpacked.resolve("home").toString());
            Process process = start.start();
            CompletableFuture<String> output = readAll(process);
            assertThat(process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isTrue();
            String text = output.get(10, TimeUnit.SECONDS);
            assertThat(process.exitValue()).as("exit code; output:%n%s", text).isZero();
            assertThat(text).as("a damaged archive is ignored quietly").startsWith("Candor ");
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private static String entryStartingWith(String prefix) {
        return listing.keySet().stream()
                .filter(path -> path.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "* in " + deb));
    }

    private static long sizeOf(String path) {
        return Long.parseLong(listing.get(path).trim().split("\\s+")[2]);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        boolean inMainGroup = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("[")) {
                inMainGroup = line.equals("[Desktop Entry]");
            } else if (inMainGroup && line.contains("=") && !line.startsWith("#")) {
                keys.put(
                        line.substring(0, line.indexOf('=')).trim(),
                        line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return keys;
    }

    private static byte[] readResource(String name) {
        try (var in = DebPackageIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs a command to its end and returns its standard output; a failure shows its output. */
    private static String run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> output = readAll(process);
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            String text = output.get(10, TimeUnit.SECONDS);
            assertThat(process.exitValue())
                    .as("exit code of %s; output:%n%s", String.join(" ", command), text)
                    .isZero();
            return text;
        } catch (Exception e) {
            throw new AssertionError("could not run " + String.join(" ", command), e);
        }
    }

    private static CompletableFuture<String> readAll(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e.getMessage() + ")";
            }
        });
    }
}
