package dev.candor.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves test pages from test resources on 127.0.0.1, with {@code {{NAME}}} placeholders filled in. */
public final class PageServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, String> headers = new ConcurrentHashMap<>();

    public PageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals("/candor/bridge.js")) {
                body = BridgeScript.bytes();
                type = "text/javascript; charset=utf-8";
            } else {
                try (InputStream in = PageServer.class.getResourceAsStream("pages" + path)) {
                    if (in == null || path.contains("..")) {
                        exchange.sendResponseHeaders(404, -1);
                        exchange.close();
                        return;
                    }
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> e : values.entrySet()) {
                        text = text.replace("{{" + e.getKey() + "}}", e.getValue());
                    }
                    body = text.getBytes(StandardCharsets.UTF_8);
                    type = "text/html; charset=utf-8";
                }
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public PageServer with(String name, String value) {
        values.put(name, value);
        return this;
    }

    /** Sends {@code name: value} with every response (e.g. a Permissions-Policy). */
    public PageServer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String page) {
        return origin() + "/" + page;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
