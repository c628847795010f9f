package dev.candor.meeting.jitsi;

import dev.candor.meeting.PageFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Jitsi host page on 127.0.0.1 only: the page Candor's embedded browser opens to join a
 * Jitsi Meet call. It is a real origin (not {@code data:} or {@code file:}), which getUserMedia and
 * the IFrame API need, and each response's Content-Security-Policy allows scripts and frames from
 * that one deployment only.
 *
 * <p>Threads: any thread may call the methods; Jetty's pool ({@code jitsi-host-*}) serves requests.
 */
public final class JitsiHostPageServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JitsiHostPageServer.class);
    private static final String WEB = "dev/candor/web/jitsi/";
    private static final Map<String, String> TYPES = Map.of(
            "host.html", "text/html; charset=utf-8",
            "host.js", "text/javascript; charset=utf-8",
            "host.css", "text/css; charset=utf-8",
            "page-bridge.js", "text/javascript; charset=utf-8",
            "bridge.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;
    private Server server;
    private int port;

    public JitsiHostPageServer() {
        this.files = Map.of(
                "host.html", PageFiles.read(WEB + "host.html"),
                "host.js", PageFiles.read(WEB + "host.js"),
                "host.css", PageFiles.read(WEB + "host.css"),
                "page-bridge.js", PageFiles.read(PageFiles.PAGE_BRIDGE),
                "bridge.js", PageFiles.read(PageFiles.BRIDGE));
    }

    /** Starts on 127.0.0.1 and a free port. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("Jitsi host page server already started");
        }
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setName("jitsi-host");
        Server s = new Server(pool);
        ServerConnector connector = new ServerConnector(s, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        s.addConnector(connector);
        s.setHandler(new Pages());
        s.setStopTimeout(0); // stop at once: a graceful wait only times out on idle keep-alive connections
        try {
            s.start();
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException("could not start the Jitsi host page server", e);
        }
        server = s;
        port = connector.getLocalPort();
        LOG.info("Jitsi host page served on 127.0.0.1:{}", port);
    }

    /** The host page URL that joins {@code meeting}. */
    public synchronized URI url(JitsiMeeting meeting) {
        Objects.requireNonNull(meeting, "meeting");
        if (server == null) {
            throw new IllegalStateException("Jitsi host page server not started");
        }
        return URI.create("http://127.0.0.1:" + port + "/jitsi/host.html?deployment="
                + enc(meeting.deployment().toString()) + "&room=" + enc(meeting.room()) + "&name="
                + enc(meeting.displayName()));
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Jitsi host page server did not stop cleanly", e);
        }
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private final class Pages extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!request.getMethod().equals("GET")) {
                Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
                return true;
            }
            String path = request.getHttpURI().getPath();
            String name = path.startsWith("/jitsi/") ? path.substring("/jitsi/".length()) : "";
            byte[] body = files.get(name);
            if (body == null) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                return true;
            }
            String csp = "default-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
                    + "form-action 'none'; frame-ancestors 'none'";
            if (name.equals("host.html")) {
                Fields query = Request.extractQueryParameters(request);
                String origin;
                try {
                    origin = new JitsiMeeting(
                                    URI.create(query.getValue("deployment")),
                                    query.getValue("room"),
                                    query.getValue("name") == null ? "" : query.getValue("name"))
                            .origin();
                } catch (RuntimeException e) {
                    Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "not a valid meeting");
                    return true;
                }
                // Only the chosen deployment may provide script, frame and (for the reachability probe) fetch.
                csp = "default-src 'self'; script-src 'self' " + origin + "; frame-src " + origin + "; connect-src "
                        + origin + "; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                        + "frame-ancestors 'none'";
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPES.get(name));
            response.getHeaders().put("Content-Security-Policy", csp);
            // No frame of a meeting page may take the screen without Candor's picker (getDisplayMedia
            // would capture the whole screen at once in Candor's browser): README, "Screen sharing".
            response.getHeaders().put("Permissions-Policy", "display-capture=()");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put("Referrer-Policy", "no-referrer");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
