package dev.candor.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON text an entry's hash is computed over, and the hash itself. Canonical form:
 * object keys sorted by UTF-16 code units (as RFC 8785 does), no whitespace, UTF-8, strings with
 * only the escapes JSON requires (quote, backslash, control characters), integers in plain
 * decimal, non-integers as Java's shortest round-trip decimal; NaN and infinities are refused.
 * Enums are written as their name. The exact rules are in {@code docs/decisions/0003-ledger-format.md}.
 */
public final class CanonicalJson {
    /** The hash of "nothing before": the {@code prev} of the very first entry. */
    public static final String ZERO_HASH = "0".repeat(64);

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalJson() {}

    /**
     * The canonical text of a JSON-compatible value (Map with String keys, List, String, Number,
     * Boolean, Enum, null).
     *
     * @throws IllegalArgumentException if the value holds anything else, naming where
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            write(gen, value, "$");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Parses canonical (or any) JSON object text back into maps, lists and scalars. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String json) {
        try {
            return READER.readValue(json, Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the UTF-8 bytes of {@code text}, lower-case hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void write(JsonGenerator gen, Object value, String path) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof CharSequence cs) {
            gen.writeString(cs.toString());
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            gen.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger bi) {
            gen.writeNumber(bi);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(path + ": NaN and infinity have no JSON form");
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                gen.writeNumber((long) d); // 2.0 and 2 are the same number: one spelling
            } else {
                gen.writeNumber(d);
            }
        } else if (value instanceof BigDecimal bd) {
            write(gen, bd.doubleValue(), path);
        } else if (value instanceof Enum<?> e) {
            gen.writeString(e.name());
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(path + ": object keys must be strings");
                }
                sorted.put(key, e.getValue());
            }
            gen.writeStartObject();
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                gen.writeFieldName(e.getKey());
                write(gen, e.getValue(), path + "." + e.getKey());
            }
            gen.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            gen.writeStartArray();
            int i = 0;
            for (Object item : list) {
                write(gen, item, path + "[" + i++ + "]");
            }
            gen.writeEndArray();
        } else if (value instanceof Object[] array) {
            write(gen, Arrays.asList(array), path);
        } else {
            throw new IllegalArgumentException(
                    path + ": " + value.getClass().getSimpleName() + " has no JSON form in the ledger");
        }
    }
}
