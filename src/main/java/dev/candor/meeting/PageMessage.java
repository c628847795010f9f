package dev.candor.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One typed message between a meeting page and Java, in either direction. On the wire it is the
 * versioned JSON object {@code {"v":1,"type":"…","payload":{…}}}; the page side is
 * {@code candorBridge.send(type, payload)} / {@code candorBridge.on(type, fn)}.
 */
public record PageMessage(String type, ObjectNode payload) {
    /** The bridge protocol version both pages speak. */
    public static final int VERSION = 1;

    /** Largest wire message accepted from a page (a chat or endpoint text is far smaller). */
    public static final int MAX_WIRE_CHARS = 256 * 1024;

    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public PageMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("illegal bridge message type");
        }
    }

    /** A message with an empty payload. */
    public static PageMessage of(String type) {
        return new PageMessage(type, JsonNodeFactory.instance.objectNode());
    }

    /** A fresh payload object to fill in. */
    public static ObjectNode newPayload() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The wire form sent to or received from the page. */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("v", VERSION);
        root.put("type", type);
        root.set("payload", payload);
        return root.toString();
    }

    /**
     * Parses the wire form strictly: a JSON object of version 1 with a legal type and an object
     * payload, at most {@link #MAX_WIRE_CHARS} characters.
     *
     * @throws IllegalArgumentException if the text is not such a message
     */
    public static PageMessage fromJson(String json) {
        if (json == null || json.length() > MAX_WIRE_CHARS) {
            throw new IllegalArgumentException("bridge message missing or too large");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bridge message is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("bridge message is not a JSON object");
        }
        if (root.path("v").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("unsupported bridge message version");
        }
        JsonNode type = root.get("type");
        JsonNode payload = root.get("payload");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("bridge message has no type");
        }
        if (payload == null || payload.isNull()) {
            return of(type.asText());
        }
        if (!payload.isObject()) {
            throw new IllegalArgumentException("bridge message payload is not an object");
        }
        return new PageMessage(type.asText(), (ObjectNode) payload);
    }
}
