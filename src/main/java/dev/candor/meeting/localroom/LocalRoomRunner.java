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
        run(host, port, exampleRoom, null);
    }

    /**
     * As {@link #run(String, int, String)}, serving https with {@code tls} when not null (see
     * {@link LocalRoomTls#selfSigned}); with https, LAN participants' browsers can use their camera.
     */
    public void run(String host, int port, String exampleRoom, LocalRoomTls tls) throws IOException {
        LocalRoomServer server = new LocalRoomServer(limits);
        server.start(host, port, tls);
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
        if (tls != null) {
            out.println("The certificate is self-signed: each browser asks once whether to trust it.");
        } else if (!host.startsWith("127.") && !host.equals("localhost")) {
            out.println("Note: over plain http, browsers on other machines can watch and chat but not send"
                    + " video; use https for that.");
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stop first: Jetty's stop would itself be interrupted by the restored flag.
            server.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
            Thread.currentThread().interrupt();
        }
    }
}
