package dev.candor.ai.models;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A model host on 127.0.0.1 for tests: serves a random payload at {@code /model.bin} with HTTP
 * Range support, and can hold a response after some bytes until the test releases it, so a test
 * sees a download mid-way without timing guesses.
 */
public final class ModelTestServer implements AutoCloseable {
    private final HttpServer server;
    private final byte[] payload;
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private volatile long holdAt = -1;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private final CountDownLatch held = new CountDownLatch(1);

    public ModelTestServer(int size) throws IOException {
        payload = new byte[size];
        new Random(7).nextBytes(payload);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/model.bin", ex -> {
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
            if (from >= payload.length) {
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(range == null ? 200 : 206, payload.length - from);
            OutputStream out = ex.getResponseBody();
            try {
                for (int at = from; at < payload.length; at += 65_536) {
                    int end = Math.min(payload.length, at + 65_536);
                    out.write(payload, at, end - at);
                    if (holdAt >= 0 && end >= holdAt) {
                        holdAt = -1;
                        out.flush();
                        held.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                }
                out.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client went away (a cancelled download).
            }
            ex.close();
        });
        server.start();
    }

    /** The next response pauses once it has sent at least {@code bytes}, until {@link #release()}. */
    public void holdAfter(long bytes) {
        release = new CountDownLatch(1);
        holdAt = bytes;
    }

    /** Waits until a response is held. */
    public boolean awaitHeld() throws InterruptedException {
        return held.await(10, TimeUnit.SECONDS);
    }

    /** Lets a held response go on. */
    public void release() {
        release.countDown();
    }

    public byte[] payload() {
        return payload.clone();
    }

    /** The Range header of each request so far ("null" when there was none). */
    public List<String> ranges() {
        return List.copyOf(ranges);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** SHA-256 of the payload, as the catalogue pins it. */
    public String sha256() {
        return sha256(payload);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
