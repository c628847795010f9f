package dev.candor.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParticipantIdTest {
    @Test
    void blankOrHugeIdsAreRejected() {
        assertThatThrownBy(() -> new ParticipantId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParticipantId("x".repeat(257))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ParticipantId("abc1").value()).isEqualTo("abc1");
    }
}
