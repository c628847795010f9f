package dev.candor.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code candor} command. Minimal in this branch: it carries the {@code transcribe} subcommand;
 * the composition root that starts the desktop app is merged in from the app's own branch.
 */
@Command(
        name = "candor",
        mixinStandardHelpOptions = true,
        version = "Candor 0.1.0",
        description = "Desktop video meetings with local, announced AI.",
        subcommands = {TranscribeCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output and error streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
