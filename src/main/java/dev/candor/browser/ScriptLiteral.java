package dev.candor.browser;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Writes a value as a JavaScript expression that is safe to put into a script: JSON by Jackson,
 * all non-ASCII escaped (so U+2028/U+2029 cannot end a line), and {@code < > & ' /} escaped so no
 * {@code </script>} or HTML comment can appear. Untrusted text is never concatenated into script
 * any other way.
 */
public final class ScriptLiteral {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private ScriptLiteral() {}

    /** The value as a JSON literal containing only safe ASCII. */
    public static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be written as JSON", e);
        }
    }

    /** {@code fn(<literal>)} where {@code fn} is a fixed, trusted function path. */
    public static String call(String function, Object argument) {
        if (!function.matches("[A-Za-z_$][A-Za-z0-9_$.]*")) {
            throw new IllegalArgumentException("Not a plain function path: " + function);
        }
        return function + "(" + of(argument) + ");";
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] table;

        HtmlSafeEscapes() {
            table = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\'', '/'}) {
                table[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
