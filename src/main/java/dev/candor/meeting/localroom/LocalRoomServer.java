package dev.candor.meeting.localroom;

import dev.candor.meeting.PageFiles;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded local room: serves the room page at {@code /r/<room>} and relays WebRTC signalling,
 * chat and endpoint messages over the WebSocket {@code /ws/<room>}. Media flows peer to peer (a
 * mesh of at most {@link LocalRoomLimits#maxParticipants()}); the server never sees it. Any modern
 * browser can join by URL.
 *
 * <p>Threads: {@link #start}, {@link #stop} and the URL methods may be called from any thread;
 * Jetty's own pool (threads named {@code local-room-*}) serves requests.
 */
public final class LocalRoomServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRoomServer.class);
    private static final String WEB = "dev/candor/web/localroom/";
    /** Static files by URL path: only these are ever served. */
    private static final Map<String, String[]> STATIC = Map.of(
            "/static/room.js", new String[] {"room.js", "text/javascript; charset=utf-8"},
            "/static/room.css", new String[] {"room.css", "text/css; charset=utf-8"},
            "/static/page-bridge.js", new String[] {"page-bridge.js", "text/javascript; charset=utf-8"},
            "/candor/bridge.js", new String[] {"bridge.js", "text/javascript; charset=utf-8"});

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self' blob:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

    private final LocalRoomLimits limits;
    private final Rooms rooms;
    private final Map<String, byte[]> files;
    private Server server;
    private String host;
    private String scheme = "http";
    private int port;

    public LocalRoomServer(LocalRoomLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.rooms = new Rooms(limits.maxParticipants());
        this.files = Map.of(
                "room.html", PageFiles.read(WEB + "room.html"),
                "room.js", PageFiles.read(WEB + "room.js"),
                "room.css", PageFiles.read(WEB + "room.css"),
                "page-bridge.js", PageFiles.read(PageFiles.PAGE_BRIDGE),
                "bridge.js", PageFiles.read(PageFiles.BRIDGE));
    }

    public LocalRoomServer() {
        this(LocalRoomLimits.DEFAULT);
    }

    /**
     * Starts serving on {@code host} ({@code 127.0.0.1} for this machine only, {@code 0.0.0.0} for
     * the LAN) and {@code port} (0 picks a free one).
     *
     * @throws IOException if the address cannot be bound (in use, not this machine's)
     */
    public synchronized void start(String host, int port) throws IOException {
        start(host, port, null);
    }

    /**
     * Starts serving https (and wss) with {@code tls}, or plain http when {@code tls} is null. On
     * a LAN, https is what lets browsers on other machines use their camera and microphone.
     *
     * @throws IOException if the address cannot be bound or the key store cannot be read
     */
    public synchronized void start(String host, int port, LocalRoomTls tls) throws IOException {
        if (server != null) {
            throw new IllegalStateException("local room server already started");
        }
        QueuedThreadPool pool = new QueuedThreadPool(32, 4);
        pool.setName("local-room");
        Server s = new Server(pool);
        ServerConnector connector;
        if (tls == null) {
            connector = new ServerConnector(s, 1, 1);
        } else {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keyStore().toString());
            ssl.setKeyStorePassword(tls.password());
            ssl.setKeyStoreType("PKCS12");
            HttpConfiguration https = new HttpConfiguration();
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // People type the LAN address, which a self-signed certificate may not name for SNI.
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            connector = new ServerConnector(
                    s,
                    1,
                    1,
                    new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(https));
        }
        connector.setHost(host);
        connector.setPort(port);
        s.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(s, container -> {
            container.setMaxTextMessageSize(limits.maxMessageBytes());
            container.setMaxBinaryMessageSize(1024);
            // A peer that stops reading must not make the server queue without bound.
            container.setMaxOutgoingFrames(2000);
            container.setIdleTimeout(Duration.ofSeconds(75));
            container.addMapping("/ws/*", (req, resp, callback) -> {
                String room =
                        RoomName.fromPath(req.getHttpURI().getPath(), "/ws/").orElse(null);
                if (room == null) {
                    Response.writeError(req, resp, callback, HttpStatus.BAD_REQUEST_400, "illegal room name");
                    return null;
                }
                if (!originAllowed(req)) {
                    LOG.info("Refused a signalling connection from a foreign web page");
                    Response.writeError(req, resp, callback, HttpStatus.FORBIDDEN_403, "origin not allowed");
                    return null;
                }
                return new SignalSocket(rooms, room, limits);
            });
        });
        ws.setHandler(new Pages());
        s.setHandler(ws);
        s.setStopTimeout(0); // stop at once: a graceful wait only times out on idle keep-alive connections
        try {
            s.start();
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception ignored) {
                // Already failing; the start error is the one to report.
            }
            throw e instanceof IOException io ? io : new IOException("could not start the local room server", e);
        }
        this.server = s;
        this.scheme = tls == null ? "http" : "https";
        this.host = host;
        this.port = connector.getLocalPort();
        LOG.info("Local room server listening on {}:{}", host, this.port);
    }

    /** Stops serving and drops every connection. Safe to call twice. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Local room server did not stop cleanly", e);
        }
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The port actually bound. */
    public synchronized int port() {
        requireStarted();
        return port;
    }

    /**
     * The page URL of {@code room} for this machine (loopback when bound to every interface).
     *
     * @throws IllegalArgumentException if the room name is illegal
     */
    public synchronized URI url(String room) {
        requireStarted();
        requireLegal(room);
        String h = isWildcard(host) ? "127.0.0.1" : host;
        return URI.create(scheme + "://" + hostForUri(h) + ":" + port + "/r/" + room);
    }

    /**
     * The page URL of {@code room} that joins at once under {@code displayName}: what Candor loads
     * in its embedded browser.
     */
    public URI url(String room, String displayName) {
        return URI.create(url(room) + "?name="
                + java.net.URLEncoder.encode(displayName, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"));
    }

    /**
     * The URLs other people on the network can open to join {@code room}: one per non-loopback IPv4
     * address when bound to every interface, else the bound address.
     */
    public synchronized List<URI> shareUrls(String room) {
        requireStarted();
        requireLegal(room);
        if (!isWildcard(host)) {
            return List.of(url(room));
        }
        List<URI> urls = new ArrayList<>();
        for (InetAddress a : lanAddresses()) {
            urls.add(URI.create(scheme + "://" + a.getHostAddress() + ":" + port + "/r/" + room));
        }
        return urls.isEmpty() ? List.of(url(room)) : List.copyOf(urls);
    }

    /** This machine's non-loopback IPv4 addresses, the ones LAN participants can reach. */
    public static List<InetAddress> lanAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && !nif.isLoopback()) {
                    for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                        if (a instanceof Inet4Address) {
                            out.add(a);
                        }
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warn("Could not list network interfaces", e);
        }
        return List.copyOf(out);
    }

    /** How many people are in {@code room} now. */
    public int participants(String room) {
        return rooms.size(room);
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("local room server not started");
        }
    }

    private static void requireLegal(String room) {
        if (!RoomName.isLegal(room)) {
            throw new IllegalArgumentException("room names are 1-64 letters, digits, '-' or '_'");
        }
    }

    private static boolean isWildcard(String host) {
        return host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
    }

    private static String hostForUri(String h) {
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    /**
     * A browser page may open the signalling socket only if it was served by this server (or is
     * explicitly allowed): another web site must not be able to drive a person's room.
     */
    private boolean originAllowed(Request req) {
        String origin = req.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true; // not a browser page: native clients and tests
        }
        String hostHeader = req.getHeaders().get(HttpHeader.HOST);
        return origin.equals("http://" + hostHeader)
                || origin.equals("https://" + hostHeader)
                || limits.extraOrigins().contains(origin);
    }

    /** The HTTP side: the room page, its two static files, and clear errors for anything else. */
    private final class Pages extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
                return true;
            }
            String path = request.getHttpURI().getPath();
            String[] file = STATIC.get(path);
            if (file != null) {
                write(response, callback, 200, file[1], files.get(file[0]));
            } else if (path.startsWith("/r/")) {
                if (RoomName.fromPath(path, "/r/").isPresent()) {
                    write(response, callback, 200, "text/html; charset=utf-8", files.get("room.html"));
                } else {
                    write(
                            response,
                            callback,
                            400,
                            "text/html; charset=utf-8",
                            message(
                                    "Illegal room name",
                                    "Room names are 1 to 64 letters, digits, hyphens or underscores, e.g. /r/team-standup."));
                }
            } else if (path.equals("/")) {
                write(
                        response,
                        callback,
                        200,
                        "text/html; charset=utf-8",
                        message(
                                "Candor local room",
                                "Open /r/ followed by a room name, e.g. /r/team-standup, to join a room."));
            } else {
                write(response, callback, 404, "text/html; charset=utf-8", message("Not found", "Nothing here."));
            }
            return true;
        }

        private void write(Response response, Callback callback, int status, String type, byte[] body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put("Content-Security-Policy", CSP);
            // No frame of a meeting page may take the screen without Candor's picker (getDisplayMedia
            // would capture the whole screen at once in Candor's browser): README, "Screen sharing".
            response.getHeaders().put("Permissions-Policy", "display-capture=()");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put("Referrer-Policy", "no-referrer");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        private byte[] message(String title, String text) {
            String html = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>" + title + "</title>"
                    + "<body><h1>" + title + "</h1><p>" + text + "</p></body></html>";
            return html.getBytes(StandardCharsets.UTF_8);
        }
    }
}
