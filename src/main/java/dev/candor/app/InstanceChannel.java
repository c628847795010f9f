package dev.candor.app;

import dev.candor.ui.join.JoinPrefill;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Candor per data dir: the first process listens on a Unix-domain socket that belongs to its
 * data dir, and a later one (the OS starting {@code candor <link>} for a clicked meeting link)
 * hands its link over and exits instead of starting a second window. A socket file left by a
 * crashed process is recognised (nobody answers) and replaced; a running process that does not
 * answer in time is given up on, and the new process then starts on its own.
 *
 * <p>The sending side ({@link #offer}) takes no logger, so a hand-off costs neither Logback's
 * set-up nor anything else the app loads.
 */
public final class InstanceChannel {
    /** Longest socket path a Unix-domain address takes on every OS (Linux 108, macOS 104). */
    static final int MAX_SOCKET_PATH = 100;

    /** Conversations answered at the same time; a local process cannot tie up more threads. */
    static final int AT_ONCE = 4;

    private final Path socket;
    private final Duration timeout;

    /** A channel at this socket path; {@code timeout} bounds each wait for the other side. */
    public InstanceChannel(Path socket, Duration timeout) {
        this.socket = Objects.requireNonNull(socket).toAbsolutePath();
        this.timeout = Objects.requireNonNull(timeout);
    }

    /**
     * The socket of a data dir: {@code candor.sock} inside it, or, where that path is too long
     * for a Unix-domain address, a name derived from the data dir in the user's private runtime
     * dir ({@code XDG_RUNTIME_DIR}). Empty when neither is possible (no hand-off then).
     */
    public static Optional<Path> socketFor(Path dataDir, Optional<Path> runtimeDir) {
        Path inside = dataDir.toAbsolutePath().resolve("candor.sock");
        if (fits(inside)) {
            return Optional.of(inside);
        }
        return runtimeDir
                .map(dir -> dir.toAbsolutePath().resolve("candor-" + digest(inside.toString()) + ".sock"))
                .filter(InstanceChannel::fits);
    }

    /** {@code XDG_RUNTIME_DIR}, if set and present. */
    public static Optional<Path> userRuntimeDir() {
        return Optional.ofNullable(System.getenv("XDG_RUNTIME_DIR"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .filter(Files::isDirectory);
    }

    private static boolean fits(Path p) {
        return p.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path socket() {
        return socket;
    }

    // ---- the second process --------------------------------------------------------------

    /** How an offer ended. */
    public sealed interface Outcome {
        /** The running instance took the link; this process can exit. */
        record HandedOff() implements Outcome {}

        /** No instance listens (no socket, or a stale one left by a crash). */
        record NoInstance() implements Outcome {}

        /** Something listens but did not answer in time, or the conversation broke off. */
        record NoAnswer(String why) implements Outcome {}

        /** The running instance read the message and refused it. */
        record Refused(String reason) implements Outcome {}
    }

    /**
     * Offers a message to the instance listening on this socket. Returns at once when there is
     * no socket or nobody listens; waits at most the timeout (twice: to send, to hear back)
     * when someone does.
     */
    public Outcome offer(HandoffMessage message) {
        byte[] bytes = message.encode();
        if (!Files.exists(socket)) {
            return new Outcome.NoInstance();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException | UnsupportedOperationException e) {
            return new Outcome.NoAnswer("Unix-domain sockets unavailable: " + e.getMessage());
        }
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                return new Outcome.NoInstance(); // refused: the file is stale
            }
            channel.configureBlocking(false);
            try (Selector selector = Selector.open()) {
                long deadline = System.nanoTime() + timeout.toNanos();
                ByteBuffer out = ByteBuffer.wrap(bytes);
                SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
                while (out.hasRemaining()) {
                    if (!waitFor(selector, deadline)) {
                        return new Outcome.NoAnswer("timed out sending");
                    }
                    channel.write(out);
                }
                channel.shutdownOutput();
                key.interestOps(SelectionKey.OP_READ);
                deadline = System.nanoTime() + timeout.toNanos();
                byte[] reply = readAll(channel, selector, deadline, 512);
                if (reply == null) {
                    return new Outcome.NoAnswer("timed out waiting for an answer");
                }
                String answer = new String(reply, StandardCharsets.UTF_8).strip();
                if (answer.equals("ok")) {
                    return new Outcome.HandedOff();
                }
                if (answer.startsWith("refused")) {
                    return new Outcome.Refused(
                            answer.substring("refused".length()).strip());
                }
                return new Outcome.NoAnswer("unexpected answer");
            }
        } catch (IOException e) {
            return new Outcome.NoAnswer(e.getMessage());
        }
    }

    private static boolean waitFor(Selector selector, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return false;
        }
        selector.selectedKeys().clear();
        return selector.select(left) > 0;
    }

    /** Reads until end of stream; null on timeout. More than {@code limit} bytes is cut off. */
    private static byte[] readAll(SocketChannel channel, Selector selector, long deadline, int limit)
            throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(1024);
        while (true) {
            if (!waitFor(selector, deadline)) {
                return null;
            }
            buf.clear();
            int n = channel.read(buf);
            if (n < 0) {
                return got.toByteArray();
            }
            got.write(buf.array(), 0, n);
            if (got.size() > limit) {
                return got.toByteArray();
            }
        }
    }

    // ---- the running process -------------------------------------------------------------

    /** Why {@link #listen} did not start listening. */
    public enum Busy {
        /** Another process answered on the socket just now (both started at once). */
        ANOTHER_INSTANCE,
        /** The socket could not be made (no Unix-domain sockets, no permission, path trouble). */
        UNAVAILABLE
    }

    /**
     * Claims the socket and answers offers on a daemon thread, passing each accepted message to
     * {@code inbox} (on that thread). A stale socket file is removed first. Returns the listener,
     * or why not.
     */
    public Listening listen(Consumer<JoinPrefill> inbox) {
        Path lockPath = socket.resolveSibling(socket.getFileName() + ".lock");
        try {
            Files.createDirectories(socket.getParent());
            boolean staleRemoved = false;
            // Two processes starting at once must not both see a stale file, delete it and bind.
            try (FileChannel lockFile =
                            FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                if (Files.exists(socket)) {
                    if (somebodyAnswers()) {
                        return new Listening(null, Busy.ANOTHER_INSTANCE);
                    }
                    Files.deleteIfExists(socket); // stale: left by a process that is gone
                    staleRemoved = true;
                }
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    server.bind(UnixDomainSocketAddress.of(socket));
                    ownerOnly(socket);
                } catch (IOException e) {
                    server.close();
                    throw e;
                }
                Listening listening = new Listening(server, null);
                boolean stale = staleRemoved;
                // Logging starts on the listener's thread: Logback's set-up stays off the start path.
                Thread thread = new Thread(
                        () -> {
                            LoggerFactory.getLogger(InstanceChannel.class)
                                    .info(
                                            "Listening for meeting links from later Candor processes{}",
                                            stale ? " (replaced a stale socket left by a process that is gone)" : "");
                            listening.serve(inbox);
                        },
                        "candor-instance-channel");
                thread.setDaemon(true);
                thread.start();
                return listening;
            }
        } catch (IOException | UnsupportedOperationException e) {
            LoggerFactory.getLogger(InstanceChannel.class)
                    .warn("Cannot listen for meeting links from other Candor processes: {}", e.toString());
            return new Listening(null, Busy.UNAVAILABLE);
        }
    }

    private boolean somebodyAnswers() {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void ownerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows: the data dir's own permissions protect the socket.
        }
    }

    /** A claimed socket (or why none); {@link #close} stops listening and removes the file. */
    public final class Listening implements AutoCloseable {
        private final ServerSocketChannel server;
        private final Busy busy;
        private volatile boolean closed;

        private Listening(ServerSocketChannel server, Busy busy) {
            this.server = server;
            this.busy = busy;
        }

        /** True if this process owns the socket. */
        public boolean active() {
            return server != null;
        }

        /** Why this process does not own the socket. */
        public Optional<Busy> busy() {
            return Optional.ofNullable(busy);
        }

        /**
         * Accepts connections; each is answered on its own short-lived thread so a sender that
         * connects and goes quiet cannot hold up a real hand-off. At most {@link #AT_ONCE}
         * conversations run at once; more are closed unanswered.
         */
        private void serve(Consumer<JoinPrefill> inbox) {
            Logger log = LoggerFactory.getLogger(InstanceChannel.class);
            java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(AT_ONCE);
            while (!closed) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    if (!closed) {
                        log.warn("Instance channel: {}", e.toString());
                    }
                    continue;
                }
                if (!slots.tryAcquire()) {
                    log.warn("Instance channel: too many senders at once; one dropped");
                    closeQuietly(client);
                    continue;
                }
                Thread conversation = new Thread(
                        () -> {
                            try (client) {
                                answer(client, inbox, log);
                            } catch (IOException | RuntimeException e) {
                                log.warn("Instance channel: {}", e.toString());
                            } finally {
                                slots.release();
                            }
                        },
                        "candor-instance-channel-answer");
                conversation.setDaemon(true);
                conversation.start();
            }
        }

        private static void closeQuietly(SocketChannel c) {
            try {
                c.close();
            } catch (IOException e) {
                // dropping it anyway
            }
        }

        /** Reads one bounded message (waiting at most the timeout) and answers it. */
        private void answer(SocketChannel client, Consumer<JoinPrefill> inbox, Logger log) throws IOException {
            client.configureBlocking(false);
            String reply;
            try (Selector selector = Selector.open()) {
                SelectionKey key = client.register(selector, SelectionKey.OP_READ);
                long deadline = System.nanoTime() + timeout.toNanos();
                byte[] got = readAll(client, selector, deadline, HandoffMessage.MAX_BYTES);
                if (got == null) {
                    log.warn("Instance channel: a sender went quiet; dropped");
                    return;
                }
                try {
                    JoinPrefill prefill = HandoffMessage.read(got);
                    log.info("Meeting link handed over by a later Candor process");
                    inbox.accept(prefill);
                    reply = "ok\n";
                } catch (HandoffMessage.Refused e) {
                    log.warn("Instance channel: refused a message ({})", e.getMessage());
                    reply = "refused " + e.getMessage() + "\n";
                } catch (RuntimeException e) {
                    log.warn("Instance channel: the window could not take a link", e);
                    reply = "refused not accepted\n";
                }
                ByteBuffer out = ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8));
                key.interestOps(SelectionKey.OP_WRITE);
                while (out.hasRemaining() && waitFor(selector, deadline)) {
                    client.write(out);
                }
            }
        }

        @Override
        public void close() {
            if (server == null || closed) {
                return;
            }
            closed = true;
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // a stale file is recognised and replaced by the next start
            }
        }
    }
}
