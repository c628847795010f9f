package dev.candor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemAppearanceTest {
    @Test
    void gnomeColorSchemeAnswersAreRead() {
        assertThat(SystemAppearance.parseColorScheme("'prefer-dark'\n")).contains(true);
        assertThat(SystemAppearance.parseColorScheme("'prefer-light'")).contains(false);
        assertThat(SystemAppearance.parseColorScheme("'default'")).isEmpty();
    }
}
