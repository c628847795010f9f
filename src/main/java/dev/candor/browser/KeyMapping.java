package dev.candor.browser;

import java.awt.Component;
import java.awt.event.InputEvent;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Turns JavaFX key events into the AWT key events JCEF's {@code sendKeyEvent} reads. JavaFX key
 * codes equal AWT's VK codes. On Linux JCEF maps all but nine keys by treating the event's key
 * char as an X keysym; a key with no character (Shift, Ctrl, F5, Home) carries AWT's
 * CHAR_UNDEFINED 0xFFFF there, which is the keysym of Delete: that is why a modifier pressed alone
 * reached pages as "Delete". We therefore put the key's real X keysym into the key char of
 * pressed/released events, and the typed character only into typed events.
 */
final class KeyMapping {
    private KeyMapping() {}

    /** X11 keysyms of the keys that have no character (from X11/keysymdef.h). */
    private static final Map<KeyCode, Integer> KEYSYMS = Map.ofEntries(
            Map.entry(KeyCode.SHIFT, 0xFFE1),
            Map.entry(KeyCode.CONTROL, 0xFFE3),
            Map.entry(KeyCode.CAPS, 0xFFE5),
            Map.entry(KeyCode.ALT, 0xFFE9),
            Map.entry(KeyCode.META, 0xFFEB),
            Map.entry(KeyCode.WINDOWS, 0xFFEB),
            Map.entry(KeyCode.COMMAND, 0xFFEB),
            Map.entry(KeyCode.ALT_GRAPH, 0xFE03),
            Map.entry(KeyCode.HOME, 0xFF50),
            Map.entry(KeyCode.END, 0xFF57),
            Map.entry(KeyCode.PAGE_UP, 0xFF55),
            Map.entry(KeyCode.PAGE_DOWN, 0xFF56),
            Map.entry(KeyCode.INSERT, 0xFF63),
            Map.entry(KeyCode.PAUSE, 0xFF13),
            Map.entry(KeyCode.PRINTSCREEN, 0xFF61),
            Map.entry(KeyCode.CONTEXT_MENU, 0xFF67),
            Map.entry(KeyCode.NUM_LOCK, 0xFF7F),
            Map.entry(KeyCode.SCROLL_LOCK, 0xFF14),
            Map.entry(KeyCode.MULTIPLY, 0xFFAA),
            Map.entry(KeyCode.ADD, 0xFFAB),
            Map.entry(KeyCode.SUBTRACT, 0xFFAD),
            Map.entry(KeyCode.DECIMAL, 0xFFAE),
            Map.entry(KeyCode.DIVIDE, 0xFFAF),
            Map.entry(KeyCode.SPACE, 0x20),
            Map.entry(KeyCode.COMMA, (int) ','),
            Map.entry(KeyCode.MINUS, (int) '-'),
            Map.entry(KeyCode.PERIOD, (int) '.'),
            Map.entry(KeyCode.SLASH, (int) '/'),
            Map.entry(KeyCode.SEMICOLON, (int) ';'),
            Map.entry(KeyCode.EQUALS, (int) '='),
            Map.entry(KeyCode.OPEN_BRACKET, (int) '['),
            Map.entry(KeyCode.BACK_SLASH, (int) '\\'),
            Map.entry(KeyCode.CLOSE_BRACKET, (int) ']'),
            Map.entry(KeyCode.QUOTE, (int) '\''),
            Map.entry(KeyCode.BACK_QUOTE, (int) '`'));

    /** The key char to send with a pressed/released event: an X keysym, never 0xFFFF. */
    static char keysym(KeyCode code, String text, boolean shift) {
        Integer fixed = KEYSYMS.get(code);
        if (fixed != null) {
            return (char) fixed.intValue();
        }
        if (code.isLetterKey() && code.getCode() >= 'A' && code.getCode() <= 'Z') {
            return (char) (shift ? code.getCode() : Character.toLowerCase(code.getCode()));
        }
        if (code.isDigitKey()
                && code.getCode() >= KeyCode.NUMPAD0.getCode()
                && code.getCode() <= KeyCode.NUMPAD9.getCode()) {
            return (char) (0xFFB0 + code.getCode() - KeyCode.NUMPAD0.getCode());
        }
        if (code.isDigitKey()) {
            return (char) code.getCode(); // DIGIT0..9 are '0'..'9'
        }
        if (code.isFunctionKey() && code.getCode() >= KeyCode.F1.getCode() && code.getCode() <= KeyCode.F24.getCode()) {
            int n = code.getCode() - KeyCode.F1.getCode();
            return (char) (0xFFBE + n);
        }
        if (text != null && text.length() == 1 && text.charAt(0) >= 0x20 && text.charAt(0) != 0x7F) {
            return text.charAt(0); // printable keys of other layouts: Latin-1 keysyms equal the char
        }
        return 0; // unknown key: VKEY_UNKNOWN, no character
    }

    static int modifiers(boolean shift, boolean control, boolean alt, boolean meta) {
        int m = 0;
        if (shift) {
            m |= InputEvent.SHIFT_DOWN_MASK;
        }
        if (control) {
            m |= InputEvent.CTRL_DOWN_MASK;
        }
        if (alt) {
            m |= InputEvent.ALT_DOWN_MASK;
        }
        if (meta) {
            m |= InputEvent.META_DOWN_MASK;
        }
        return m;
    }

    /** An AWT KEY_PRESSED or KEY_RELEASED event for a JavaFX one. */
    static java.awt.event.KeyEvent pressedOrReleased(Component source, KeyEvent e) {
        int id = e.getEventType() == KeyEvent.KEY_PRESSED
                ? java.awt.event.KeyEvent.KEY_PRESSED
                : java.awt.event.KeyEvent.KEY_RELEASED;
        KeyCode code = e.getCode();
        int mods = modifiers(e.isShiftDown(), e.isControlDown(), e.isAltDown(), e.isMetaDown());
        char keysym = keysym(code, e.getText(), e.isShiftDown());
        return new java.awt.event.KeyEvent(source, id, System.currentTimeMillis(), mods, code.getCode(), keysym);
    }

    /**
     * An AWT KEY_TYPED event for the text a JavaFX KEY_TYPED carries, or empty when it carries
     * none or is a shortcut (Ctrl/Meta held: the pressed event already did the work).
     */
    static Optional<java.awt.event.KeyEvent> typed(Component source, KeyEvent e) {
        if ((e.isControlDown() && !e.isAltDown()) || e.isMetaDown()) {
            return Optional.empty();
        }
        String ch = e.getCharacter();
        if (ch == null || ch.length() != 1 || ch.equals(KeyEvent.CHAR_UNDEFINED)) {
            return Optional.empty();
        }
        return typedChar(source, ch.charAt(0), modifiers(e.isShiftDown(), false, e.isAltDown(), false));
    }

    /** An AWT KEY_TYPED event for one character (typed or committed by an input method). */
    static Optional<java.awt.event.KeyEvent> typedChar(Component source, char c, int modifiers) {
        boolean control = c < 0x20 && c != '\r';
        if (control || c == 0x7F || c == java.awt.event.KeyEvent.CHAR_UNDEFINED) {
            return Optional.empty();
        }
        return Optional.of(new java.awt.event.KeyEvent(
                source,
                java.awt.event.KeyEvent.KEY_TYPED,
                System.currentTimeMillis(),
                modifiers,
                java.awt.event.KeyEvent.VK_UNDEFINED,
                c));
    }
}
