package dev.candor.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptLiteralTest {
    private static final String HOSTILE =
            "</script><script>alert(1)</script> \"q\" 'a' \\ \u2028 \u2029 <!-- " + "\uD83D\uDE00 \u0000 ${x} `t`";

    @Test
    void hostileTextBecomesPlainAsciiWithNoWayOutOfTheLiteral() throws Exception {
        String literal = ScriptLiteral.of(Map.of("text", HOSTILE));
        assertThat(literal.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
        assertThat(literal).doesNotContain("<", ">", "'", "\u2028", "\u2029");
        assertThat(new ObjectMapper().readTree(literal).get("text").asText()).isEqualTo(HOSTILE);
    }

    @Test
    void callAcceptsOnlyAPlainFunctionPath() {
        assertThat(ScriptLiteral.call("window.candorBridge.receive", 1)).isEqualTo("window.candorBridge.receive(1);");
        assertThatThrownBy(() -> ScriptLiteral.call("alert(1);x", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
