package dev.candor.consent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Encodes and strictly decodes the versioned JSON of {@link ConsentMessage}s. Wire form, version 1:
 *
 * <pre>{@code
 * {"candor":1,"type":"notice","seq":7,"at":1764075600000,"features":["summary"],"dataSharing":false,"local":true}
 * {"candor":1,"type":"objection","seq":3,"at":1764075600000,"features":[]}
 * {"candor":1,"type":"objection-reply","seq":8,"at":1764075600000,"re":3,"answer":"turned-off"}
 * }</pre>
 *
 * Decoding never throws: anything too large (over {@value #MAX_BYTES} bytes of UTF-8), deeper than
 * the parser limits, of another version, with a missing, extra or out-of-range field comes back as
 * {@link Decoded.Rejected} with a reason. There are no free-text fields, so nothing a remote
 * participant writes is ever shown or attributed. Thread-safe.
 */
public final class NoticeCodec {
    /** The protocol version this client writes and reads. */
    public static final int VERSION = 1;
    /** Largest accepted payload, in bytes of UTF-8. */
    public static final int MAX_BYTES = 4096;
    /** Largest sequence number (JavaScript's safe integer range, so web clients can count too). */
    public static final long MAX_SEQ = (1L << 53) - 1;
    /** Latest accepted time: 9999-12-31T23:59:59.999Z in epoch milliseconds. */
    static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

    private static final Set<String> NOTICE_FIELDS =
            Set.of("candor", "type", "seq", "at", "features", "dataSharing", "local");
    private static final Set<String> OBJECTION_FIELDS = Set.of("candor", "type", "seq", "at", "features");
    private static final Set<String> REPLY_FIELDS = Set.of("candor", "type", "seq", "at", "re", "answer");

    private final ObjectMapper mapper;

    public NoticeCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(8)
                        .maxStringLength(MAX_BYTES)
                        .maxNumberLength(24)
                        .maxDocumentLength(MAX_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The result of decoding one payload. */
    public sealed interface Decoded {
        /** A well-formed message of this version (its sequence number is checked by the receiver). */
        record Parsed(ConsentMessage message) implements Decoded {}

        /** Not a message this client accepts; {@code detail} is for the debug log only. */
        record Rejected(IgnoreReason reason, String detail) implements Decoded {}
    }

    /** The JSON text of a message. */
    public String encode(ConsentMessage message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("candor", VERSION);
        // Java 17 has no pattern switch; the sealed hierarchy keeps this chain complete.
        if (message instanceof ConsentMessage.Notice n) {
            node.put("type", "notice");
            putHeader(node, n);
            putFeatures(node, n.features());
            node.put("dataSharing", n.dataSharing());
            node.put("local", n.local());
        } else if (message instanceof ConsentMessage.Objection o) {
            node.put("type", "objection");
            putHeader(node, o);
            putFeatures(node, o.features());
        } else if (message instanceof ConsentMessage.ObjectionReply r) {
            node.put("type", "objection-reply");
            putHeader(node, r);
            node.put("re", r.re());
            node.put("answer", r.answer().wireName());
        } else {
            throw new IllegalArgumentException("unknown message " + message);
        }
        return node.toString();
    }

    private static void putHeader(ObjectNode node, ConsentMessage m) {
        node.put("seq", m.seq());
        node.put("at", m.at().toEpochMilli());
    }

    private static void putFeatures(ObjectNode node, Set<Feature> features) {
        ArrayNode array = node.putArray("features");
        for (Feature f : Feature.values()) {
            if (features.contains(f)) {
                array.add(f.wireName());
            }
        }
    }

    /** Decodes an untrusted payload; never throws. */
    public Decoded decode(String text) {
        try {
            return decodeChecked(text);
        } catch (RuntimeException | StackOverflowError e) {
            // Defence in depth: the checks below should make this unreachable.
            return rejected(IgnoreReason.NOT_JSON, e.getClass().getSimpleName());
        }
    }

    private Decoded decodeChecked(String text) {
        if (text == null) {
            return rejected(IgnoreReason.NOT_JSON, "null payload");
        }
        if (text.length() > MAX_BYTES || utf8Length(text) > MAX_BYTES) {
            return rejected(IgnoreReason.TOO_LARGE, "over " + MAX_BYTES + " bytes");
        }
        if (hasLoneSurrogate(text)) {
            return rejected(IgnoreReason.NOT_JSON, "invalid UTF-16 (lone surrogate)");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return rejected(IgnoreReason.NOT_JSON, e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return rejected(IgnoreReason.NOT_CANDOR, "not a JSON object");
        }
        JsonNode version = root.get("candor");
        if (version == null) {
            return rejected(IgnoreReason.NOT_CANDOR, "no candor field");
        }
        if (!version.isIntegralNumber()) {
            return rejected(IgnoreReason.INVALID_FIELD, "candor version is not an integer");
        }
        if (!version.canConvertToInt() || version.intValue() != VERSION) {
            return rejected(IgnoreReason.UNSUPPORTED_VERSION, "version " + version.asText());
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            return rejected(IgnoreReason.INVALID_FIELD, "type");
        }
        try {
            return switch (type.textValue()) {
                case "notice" -> notice(root);
                case "objection" -> objection(root);
                case "objection-reply" -> reply(root);
                default -> rejected(IgnoreReason.UNKNOWN_TYPE, "unknown type");
            };
        } catch (InvalidField e) {
            return rejected(IgnoreReason.INVALID_FIELD, e.getMessage());
        }
    }

    private static Decoded notice(JsonNode root) {
        onlyFields(root, NOTICE_FIELDS);
        Set<Feature> features = features(root);
        boolean dataSharing = bool(root, "dataSharing");
        if (dataSharing && features.isEmpty()) {
            throw new InvalidField("dataSharing on with no feature");
        }
        return new Decoded.Parsed(
                new ConsentMessage.Notice(seq(root, "seq"), at(root), features, dataSharing, bool(root, "local")));
    }

    private static Decoded objection(JsonNode root) {
        onlyFields(root, OBJECTION_FIELDS);
        return new Decoded.Parsed(new ConsentMessage.Objection(seq(root, "seq"), at(root), features(root)));
    }

    private static Decoded reply(JsonNode root) {
        onlyFields(root, REPLY_FIELDS);
        JsonNode answer = root.get("answer");
        if (answer == null || !answer.isTextual()) {
            throw new InvalidField("answer");
        }
        ObjectionAnswer parsed =
                ObjectionAnswer.fromWireName(answer.textValue()).orElseThrow(() -> new InvalidField("answer"));
        return new Decoded.Parsed(
                new ConsentMessage.ObjectionReply(seq(root, "seq"), at(root), seq(root, "re"), parsed));
    }

    private static void onlyFields(JsonNode root, Set<String> allowed) {
        if (root.size() != allowed.size()) {
            throw new InvalidField("expected exactly the fields " + allowed);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (!allowed.contains(names.next())) {
                throw new InvalidField("unexpected field");
            }
        }
    }

    private static long seq(JsonNode root, String name) {
        JsonNode n = root.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidField(name);
        }
        long value = n.longValue();
        if (value < 0 || value > MAX_SEQ) {
            throw new InvalidField(name + " out of range");
        }
        return value;
    }

    private static Instant at(JsonNode root) {
        JsonNode n = root.get("at");
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidField("at");
        }
        long millis = n.longValue();
        if (millis < 0 || millis > MAX_EPOCH_MILLIS) {
            throw new InvalidField("at out of range");
        }
        return Instant.ofEpochMilli(millis);
    }

    private static boolean bool(JsonNode root, String name) {
        JsonNode n = root.get(name);
        if (n == null || !n.isBoolean()) {
            throw new InvalidField(name);
        }
        return n.booleanValue();
    }

    private static Set<Feature> features(JsonNode root) {
        JsonNode n = root.get("features");
        if (n == null || !n.isArray() || n.size() > Feature.values().length) {
            throw new InvalidField("features");
        }
        EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw new InvalidField("features");
            }
            Optional<Feature> f = Feature.fromWireName(item.textValue());
            if (f.isEmpty() || !features.add(f.get())) {
                throw new InvalidField("features: unknown or repeated");
            }
        }
        return features;
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Decoded rejected(IgnoreReason reason, String detail) {
        return new Decoded.Rejected(reason, detail == null ? "" : detail);
    }

    /** Control flow inside the decoder only; never leaves this class. */
    private static final class InvalidField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidField(String message) {
            super(message, null, false, false);
        }
    }
}
