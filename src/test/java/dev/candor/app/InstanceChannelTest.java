package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.ui.join.JoinPrefill;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Candor instances' hand-off in one JVM: a listening channel and a later process's offer. */
class InstanceChannelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dataDir;

    private final BlockingQueue<JoinPrefill> received = new LinkedBlockingQueue<>();

    private InstanceChannel channel(Path dir) {
        return new InstanceChannel(
                InstanceChannel.socketFor(dir, Optional.empty()).orElseThrow(), TIMEOUT);
    }

    private static HandoffMessage link(String link) {
        return new HandoffMessage(Optional.of(link), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aSecondInstanceHandsItsLinkToTheRunningOne() throws Exception {
        try (InstanceChannel.Listening running = channel(dataDir).listen(received::add)) {
            assertThat(running.active()).isTrue();

            InstanceChannel.Outcome outcome = channel(dataDir).offer(link("candor://meet.example.org/Planning"));

            assertThat(outcome).isInstanceOf(InstanceChannel.Outcome.HandedOff.class);
            assertThat(received.poll(5, TimeUnit.SECONDS))
                    .isEqualTo(new JoinPrefill(
                            Optional.of("https://meet.example.org"), Optional.of("Planning"), Optional.empty()));
        }
    }

    @Test
    void withNobodyRunningTheOfferFindsNoInstance() {
        assertThat(channel(dataDir).offer(link("https://meet.jit.si/Room")))
                .isInstanceOf(InstanceChannel.Outcome.NoInstance.class);
    }

    @Test
    void aStaleSocketLeftByACrashDoesNotBlockTheNextStart() throws Exception {
        Path socket = channel(dataDir).socket();
        // A crashed process leaves its socket file behind: bound once, never removed.
        ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        crashed.bind(UnixDomainSocketAddress.of(socket));
        crashed.close();
        assertThat(socket).exists();

        assertThat(channel(dataDir).offer(link("https://meet.jit.si/Room")))
                .isInstanceOf(InstanceChannel.Outcome.NoInstance.class);
        try (InstanceChannel.Listening next = channel(dataDir).listen(received::add)) {
            assertThat(next.active()).isTrue();
            assertThat(channel(dataDir).offer(link("https://meet.jit.si/Again")))
                    .isInstanceOf(InstanceChannel.Outcome.HandedOff.class);
            assertThat(received.poll(5, TimeUnit.SECONDS).room()).contains("Again");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void aSecondListenerOnTheSameDataDirLeavesTheSocketToTheFirst() {
        try (InstanceChannel.Listening first = channel(dataDir).listen(received::add);
                InstanceChannel.Listening second = channel(dataDir).listen(received::add)) {
            assertThat(first.active()).isTrue();
            assertThat(second.active()).isFalse();
            assertThat(second.busy()).contains(InstanceChannel.Busy.ANOTHER_INSTANCE);
        }
    }

    @Test
    void twoDataDirsStayIndependent(@TempDir Path otherDir) throws Exception {
        BlockingQueue<JoinPrefill> other = new LinkedBlockingQueue<>();
        try (InstanceChannel.Listening a = channel(dataDir).listen(received::add);
                InstanceChannel.Listening b = channel(otherDir).listen(other::add)) {
            assertThat(a.active()).isTrue();
            assertThat(b.active()).isTrue();

            channel(otherDir).offer(link("https://meet.jit.si/OnlyB"));

            assertThat(other.poll(5, TimeUnit.SECONDS).room()).contains("OnlyB");
            assertThat(received).isEmpty();
        }
    }

    @Test
    void hostileAndOversizedMessagesAreRefusedAndTheListenerKeepsServing() throws Exception {
        try (InstanceChannel.Listening running = channel(dataDir).listen(received::add)) {
            Path socket = channel(dataDir).socket();

            String oversized = rawExchange(
                    socket, ("candor-handoff 1\nname " + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
            String garbage = rawExchange(socket, new byte[] {0, 1, 2, (byte) 0xff, '\n'});
            String badLink = rawExchange(
                    socket, "candor-handoff 1\nlink javascript:alert(1)\n".getBytes(StandardCharsets.UTF_8));

            assertThat(oversized).startsWith("refused too long");
            assertThat(garbage).startsWith("refused");
            assertThat(badLink).startsWith("refused invalid meeting link");
            assertThat(received).isEmpty();
            assertThat(channel(dataDir).offer(link("https://meet.jit.si/StillHere")))
                    .isInstanceOf(InstanceChannel.Outcome.HandedOff.class);
        }
    }

    @Test
    void aSenderThatConnectsAndGoesQuietDoesNotHoldUpARealHandOff() throws Exception {
        try (InstanceChannel.Listening running = channel(dataDir).listen(received::add);
                SocketChannel quiet = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            quiet.connect(UnixDomainSocketAddress.of(channel(dataDir).socket())); // sends nothing

            InstanceChannel.Outcome outcome = new InstanceChannel(
                            channel(dataDir).socket(), Duration.ofMillis(1500))
                    .offer(link("https://meet.jit.si/Real"));

            assertThat(outcome).isInstanceOf(InstanceChannel.Outcome.HandedOff.class);
            assertThat(received.poll(5, TimeUnit.SECONDS).room()).contains("Real");
        }
    }

    @Test
    void aRunningInstanceThatDoesNotAnswerInTimeIsGivenUpOn() throws Exception {
        Path socket = channel(dataDir).socket();
        // Bound and listening (connects succeed) but never accepting or answering: a hung process.
        try (ServerSocketChannel hung = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            hung.bind(UnixDomainSocketAddress.of(socket));

            InstanceChannel.Outcome outcome =
                    new InstanceChannel(socket, Duration.ofMillis(300)).offer(link("https://meet.jit.si/Room"));

            assertThat(outcome).isInstanceOf(InstanceChannel.Outcome.NoAnswer.class);
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    @Test
    void aDataDirPathTooLongForASocketUsesTheUsersRuntimeDir(@TempDir Path runtimeDir) {
        Path deep = dataDir.resolve("x".repeat(120));

        Optional<Path> socket = InstanceChannel.socketFor(deep, Optional.of(runtimeDir));

        assertThat(socket).get().satisfies(p -> assertThat(p.getParent()).isEqualTo(runtimeDir));
        assertThat(InstanceChannel.socketFor(deep.resolve("other"), Optional.of(runtimeDir)))
                .get()
                .isNotEqualTo(socket.get());
        assertThat(InstanceChannel.socketFor(deep, Optional.empty())).isEmpty();
    }

    /** Sends raw bytes as a hostile local process would and returns the answer. */
    private static String rawExchange(Path socket, byte[] bytes) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(bytes);
            try {
                while (out.hasRemaining()) {
                    c.write(out);
                }
                c.shutdownOutput();
            } catch (IOException e) {
                // the listener stops reading after its limit and may close first
            }
            List<Byte> got = new ArrayList<>();
            ByteBuffer in = ByteBuffer.allocate(256);
            try {
                while (c.read(in) > 0) {
                    in.flip();
                    while (in.hasRemaining()) got.add(in.get());
                    in.clear();
                }
            } catch (IOException e) {
                // reset: the listener closed with the rest of an oversized message unread
            }
            byte[] arr = new byte[got.size()];
            for (int i = 0; i < arr.length; i++) arr[i] = got.get(i);
            return new String(arr, StandardCharsets.UTF_8);
        }
    }
}
