package dev.candor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Canvas;
import java.awt.event.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

class KeyMappingTest {
    private final Canvas source = new Canvas();

    @Test
    void aModifierAloneCarriesItsOwnKeysymNotDelete() {
        for (KeyCode modifier : new KeyCode[] {KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.ALT, KeyCode.META}) {
            java.awt.event.KeyEvent e =
                    KeyMapping.pressedOrReleased(source, fx(KeyEvent.KEY_PRESSED, modifier, "", false));
            assertThat((int) e.getKeyChar())
                    .as(modifier.name())
                    .isNotEqualTo(0xFFFF)
                    .isBetween(0xFFE1, 0xFFEE);
            assertThat(e.getKeyCode()).isEqualTo(modifier.getCode());
        }
    }

    @Test
    void lettersDigitsAndFunctionKeysMapToTheirKeysyms() {
        assertThat(KeyMapping.keysym(KeyCode.A, "a", false)).isEqualTo('a');
        assertThat(KeyMapping.keysym(KeyCode.A, "A", true)).isEqualTo('A');
        assertThat(KeyMapping.keysym(KeyCode.DIGIT7, "7", false)).isEqualTo('7');
        assertThat((int) KeyMapping.keysym(KeyCode.F5, "", false)).isEqualTo(0xFFC2);
        assertThat((int) KeyMapping.keysym(KeyCode.HOME, "", false)).isEqualTo(0xFF50);
        assertThat((int) KeyMapping.keysym(KeyCode.UNDEFINED, "", false)).isZero();
    }

    @Test
    void ctrlShortcutSendsModifiersAndNoTypedCharacter() {
        KeyEvent press = new KeyEvent(KeyEvent.KEY_PRESSED, "", "a", KeyCode.A, false, true, false, false);
        java.awt.event.KeyEvent awt = KeyMapping.pressedOrReleased(source, press);
        assertThat(awt.getModifiersEx() & InputEvent.CTRL_DOWN_MASK).isNotZero();
        assertThat(awt.getKeyChar()).isEqualTo('a');
        KeyEvent typed = new KeyEvent(KeyEvent.KEY_TYPED, "\u0001", "", KeyCode.UNDEFINED, false, true, false, false);
        assertThat(KeyMapping.typed(source, typed)).isEmpty();
    }

    @Test
    void typedTextAndInputMethodCharactersBecomeKeyTyped() {
        KeyEvent typed = new KeyEvent(KeyEvent.KEY_TYPED, "\u00e9", "", KeyCode.UNDEFINED, false, false, false, false);
        assertThat(KeyMapping.typed(source, typed)).hasValueSatisfying(e -> {
            assertThat(e.getID()).isEqualTo(java.awt.event.KeyEvent.KEY_TYPED);
            assertThat(e.getKeyChar()).isEqualTo('\u00e9');
        });
        assertThat(KeyMapping.typedChar(source, '\u4e2d', 0)).isPresent();
        assertThat(KeyMapping.typedChar(source, '\b', 0)).isEmpty();
        assertThat(KeyMapping.typedChar(source, '\r', 0)).isPresent();
    }

    private static KeyEvent fx(javafx.event.EventType<KeyEvent> type, KeyCode code, String text, boolean shift) {
        return new KeyEvent(
                type,
                "",
                text,
                code,
                shift || code == KeyCode.SHIFT,
                code == KeyCode.CONTROL,
                code == KeyCode.ALT,
                code == KeyCode.META);
    }
}
