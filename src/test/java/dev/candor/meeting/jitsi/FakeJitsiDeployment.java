package dev.candor.meeting.jitsi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A fake Jitsi Meet deployment on 127.0.0.1: its own external_api.js and meeting page (test
 * resources), the meeting backed by a local room's signalling so several fake-Jitsi participants
 * can talk. Without {@code external_api.js} it plays a web server that is not a Jitsi deployment.
 */
public final class FakeJitsiDeployment implements AutoCloseable {
    private static final String RES = "dev/candor/meeting/fakejitsi/";
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server, 1, 1);

    private volatile URI signalling = URI.create("ws://127.0.0.1:9/ws/");

    public FakeJitsiDeployment(boolean serveExternalApi) throws Exception {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        byte[] api = read("external_api.js");
        byte[] meeting = read("meeting.html");
        byte[] meetingJs = read("meeting.js");
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                if (path.equals("/external_api.js")) {
                    if (!serveExternalApi) {
                        Response.writeError(request, response, callback, 404);
                        return true;
                    }
                    return write(response, callback, "text/javascript", api);
                }
                if (path.equals("/fake-config.js")) {
                    String config = "window.FAKE_JITSI = { signalling: "
                            + (signalling == null ? "null" : "'" + signalling + "'") + " };";
                    return write(response, callback, "text/javascript", config.getBytes(StandardCharsets.UTF_8));
                }
                if (path.equals("/fake-meeting.js")) {
                    return write(response, callback, "text/javascript", meetingJs);
                }
                return write(response, callback, "text/html; charset=utf-8", meeting);
            }
        });
        server.start();
    }

    private static boolean write(Response response, Callback callback, String type, byte[] body) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Where the fake meeting page finds its signalling (a local room server's /ws/); null: nowhere. */
    public void useSignalling(URI signalling) {
        this.signalling = signalling;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = FakeJitsiDeployment.class.getClassLoader().getResourceAsStream(RES + name)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("fake Jitsi deployment did not stop", e);
        }
    }
}
