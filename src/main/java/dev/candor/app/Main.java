package dev.candor.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code candor} command line. In this branch it carries the {@code summarize} subcommand only;
 * the composition root that starts the desktop app is merged in by the integrator.
 */
@Command(
        name = "candor",
        mixinStandardHelpOptions = true,
        description = "Desktop video meetings with local, announced AI.",
        subcommands = {SummarizeCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, so callers (and tests) can set its output streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
