package dev.candor.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code candor cds-training CLASSLIST} (hidden; for the installers): loads every class named in a
 * class list written by {@code -XX:DumpLoadedClassList} during a real start, and nothing else, so
 * that a JVM run with {@code -XX:ArchiveClassesAtExit} writes an AppCDS archive of the start-up
 * classes. Needs no display, no data dir and no network, so it can run while the package is
 * installed. Names that no longer load (a list from an older build) are skipped and counted.
 */
@Command(
        name = "cds-training",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Load the classes of a start-up class list (to write a class-data sharing archive).")
final class CdsTrainingCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLASSLIST", description = "A -XX:DumpLoadedClassList file.")
    Path classList;

    @Override
    public Integer call() {
        StartupClasses.Count count;
        try (BufferedReader lines = Files.newBufferedReader(classList, StandardCharsets.UTF_8)) {
            // Loaded, not initialised: no static initialiser of the app or JavaFX runs.
            count = StartupClasses.load(lines, CdsTrainingCommand.class.getClassLoader());
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot read the class list " + classList + ": " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().printf("Loaded %d classes, skipped %d%n", count.loaded(), count.skipped());
        return 0;
    }
}
