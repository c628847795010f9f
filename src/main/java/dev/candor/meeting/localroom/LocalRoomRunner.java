package dev.candor.meeting.localroom;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a local room server on its own until the process is stopped: what the app's {@code
 * --local-room [--host H] [--port N]} option calls. It prints where people can join to the given
 * stream (the command's real output) and stops the server on shutdown.
 */
public final class LocalRoomRunner {
    private final PrintStream out;
    private final LocalRoomLimits limits;

    public LocalRoomRunner(PrintStream out, LocalRoomLimits limits) {
        this.out = Objects.requireNonNull(out, "out");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Starts the server and blocks until the JVM shuts down (Ctrl+C) or the thread is interrupted.
     *
     * @param exampleRoom a room name to show in the printed URLs
     * @throws IOException if the address cannot be bound
     */
    public void run(String host, int port, String exampleRoom) throws IOException {
        LocalRoomServer server = new LocalRoomServer(limits);
        server.start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    server.stop();
                    stopped.countDown();
                },
                "local-room-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Candor local room server on " + host + ":" + server.port());
        out.println("Open a room in any browser (up to " + limits.maxParticipants() + " people per room):");
        for (URI url : server.shareUrls(exampleRoom)) {
            out.println("  " + url);
        }
        out.println("Any other room name works the same way. Press Ctrl+C to stop.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }
}
