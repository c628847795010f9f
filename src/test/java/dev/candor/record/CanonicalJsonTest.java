package dev.candor.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    @Test
    void keysAreSortedAtEveryLevelWithNoWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of(true, "x"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", null);

        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"a\":null,\"b\":{\"a\":[true,\"x\"],\"z\":1}}");
    }

    @Test
    void insertionOrderDoesNotChangeTheText() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("x", 1);
        one.put("y", "é\n\"");
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("y", "é\n\"");
        two.put("x", 1L);

        assertThat(CanonicalJson.write(one))
                .isEqualTo(CanonicalJson.write(two))
                .isEqualTo("{\"x\":1,\"y\":\"é\\n\\\"\"}");
    }

    @Test
    void wholeNumbersHaveOneSpellingAndEnumsTheirName() {
        assertThat(CanonicalJson.write(List.of(2.0, 2, 2.5, EntryKind.AI_OUTPUT)))
                .isEqualTo("[2,2,2.5,\"AI_OUTPUT\"]");
    }

    @Test
    void keysSortByUtf16CodeUnitsLikeRfc8785() {
        assertThat(CanonicalJson.write(Map.of("é", 1, "z", 2, "A", 3))).isEqualTo("{\"A\":3,\"z\":2,\"é\":1}");
    }

    @Test
    void valuesWithNoJsonFormAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("a", List.of(Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.a[0]");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("t", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sha256IsLowerCaseHex() {
        assertThat(CanonicalJson.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
