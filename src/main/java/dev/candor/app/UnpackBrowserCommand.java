package dev.candor.app;

import dev.candor.browser.RuntimeDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code candor unpack-browser DIR} (hidden; for packaging): unpacks the embedded browser from the
 * natives jar on the class path into DIR, so that an app started with
 * {@code -Dcandor.browser.runtime=DIR} uses it in place and its first start unpacks nothing.
 * Exit codes: 0 done (or already there), 1 it could not be unpacked.
 */
@Command(
        name = "unpack-browser",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Unpack the embedded browser into DIR (used when building the installers).")
final class UnpackBrowserCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to unpack into.")
    Path dir;

    @Override
    public Integer call() {
        try {
            RuntimeDir.unpack(dir, (step, fraction) -> {});
            if (!RuntimeDir.isComplete(dir)) {
                spec.commandLine().getErr().println("Unpacked, but " + dir + " does not check as complete.");
                return 1;
            }
            spec.commandLine().getOut().println("Embedded browser unpacked in " + dir.toAbsolutePath());
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Could not unpack the embedded browser: " + e.getMessage());
            return 1;
        }
    }
}
