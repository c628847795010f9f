package dev.candor.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listing screens and windows from what the X server (through xprop) says. */
class X11DesktopSourcesTest {
    private static final byte[] PNG = {1, 2, 3};
    private final Map<String, String> xprop = new HashMap<>();

    private X11DesktopSources sources(Optional<Rectangle> desktop) {
        return new X11DesktopSources(
                command -> Optional.ofNullable(xprop.get(String.join(" ", command))), () -> desktop, r -> PNG, 4242);
    }

    @Test
    void theWholeScreenComesFirstWithItsSizeAndThumbnailThenTheNamedWindows() {
        xprop.put(
                "xprop -root _NET_CLIENT_LIST",
                "_NET_CLIENT_LIST(WINDOW): window id # 0x1400003, 0x160000a, 0x1800001\n");
        xprop.put(
                "xprop -id 0x1400003 _NET_WM_PID _NET_WM_NAME WM_NAME",
                "_NET_WM_PID(CARDINAL) = 17\n_NET_WM_NAME(UTF8_STRING) = \"Budget \\\"Q3\\\".ods – LibreOffice\"\n"
                        + "WM_NAME(STRING) = \"Budget\"\n");
        // Candor's own window is not offered.
        xprop.put(
                "xprop -id 0x160000a _NET_WM_PID _NET_WM_NAME WM_NAME",
                "_NET_WM_PID(CARDINAL) = 4242\n_NET_WM_NAME(UTF8_STRING) = \"Candor\"\n");
        xprop.put(
                "xprop -id 0x1800001 _NET_WM_PID _NET_WM_NAME WM_NAME",
                "_NET_WM_PID:  not found.\n_NET_WM_NAME:  not found.\nWM_NAME(STRING) = \"xterm\"\n");

        List<DesktopSource> list =
                sources(Optional.of(new Rectangle(0, 0, 2560, 1080))).list();

        assertThat(list)
                .extracting(DesktopSource::id)
                .containsExactly("screen:-1:0", "window:20971523:0", "window:25165825:0");
        assertThat(list.get(0).kind()).isEqualTo(DesktopSource.Kind.SCREEN);
        assertThat(list.get(0).width()).isEqualTo(2560);
        assertThat(list.get(0).thumbnail()).contains(PNG);
        assertThat(list.get(1).name()).isEqualTo("Budget \"Q3\".ods – LibreOffice");
        assertThat(list.get(2).name()).isEqualTo("xterm");
        assertThat(list.get(2).thumbnail()).isEmpty();
    }

    @Test
    void withoutAWindowManagerOrXpropOnlyTheScreenIsOffered() {
        assertThat(sources(Optional.of(new Rectangle(0, 0, 1280, 1024))).list())
                .extracting(DesktopSource::id)
                .containsExactly("screen:-1:0");
        xprop.put("xprop -root _NET_CLIENT_LIST", "_NET_CLIENT_LIST:  no such atom on any window.\n");
        assertThat(sources(Optional.of(new Rectangle(0, 0, 1280, 1024))).list())
                .extracting(DesktopSource::id)
                .containsExactly("screen:-1:0");
    }

    @Test
    void namesArriveAsUtf8WhetherXpropWritesThemRawOrAsOctalBytes() {
        xprop.put("xprop -root _NET_CLIENT_LIST", "_NET_CLIENT_LIST(WINDOW): window id # 0x1, 0x2\n");
        // A UTF-8 locale: raw, inner quotes not escaped (measured with xprop 1.2.5).
        xprop.put(
                "xprop -id 0x1 _NET_WM_PID _NET_WM_NAME WM_NAME", "WM_NAME(COMPOUND_TEXT) = \"Budget – Q3 € \"x\"\"\n");
        // The C locale: octal bytes and escaped quotes.
        xprop.put(
                "xprop -id 0x2 _NET_WM_PID _NET_WM_NAME WM_NAME",
                "_NET_WM_NAME(UTF8_STRING) = \"Notes \\342\\200\\223 \\\"draft\\\"\"\n");
        List<DesktopSource> list =
                sources(Optional.of(new Rectangle(0, 0, 800, 600))).list();
        assertThat(list)
                .extracting(DesktopSource::name)
                .containsExactly("Entire screen", "Budget – Q3 € \"x\"", "Notes – \"draft\"");
    }

    @Test
    void noDisplayMeansNothingToShare() {
        assertThat(sources(Optional.empty()).list()).isEmpty();
    }

    @Test
    void windowsThatVanishedOrHaveNoNameAreLeftOutAndTheListIsCapped() {
        StringBuilder ids = new StringBuilder("_NET_CLIENT_LIST(WINDOW): window id # ");
        for (int i = 1; i <= 60; i++) {
            String xid = "0x" + Integer.toHexString(0x2000000 + i);
            ids.append(i == 1 ? "" : ", ").append(xid);
            if (i > 2) {
                xprop.put(
                        "xprop -id " + xid + " _NET_WM_PID _NET_WM_NAME WM_NAME", "WM_NAME(STRING) = \"w" + i + "\"\n");
            }
        }
        xprop.put("xprop -id 0x2000002 _NET_WM_PID _NET_WM_NAME WM_NAME", "WM_NAME(STRING) = \"  \"\n");
        xprop.put("xprop -root _NET_CLIENT_LIST", ids.toString());

        List<DesktopSource> list =
                sources(Optional.of(new Rectangle(0, 0, 800, 600))).list();

        assertThat(list.get(1).name()).isEqualTo("w3");
        assertThat(list).hasSize(1 + X11DesktopSources.MAX_WINDOWS);
    }

    @Test
    void sourceIdsAreOnlyChromiumDesktopIdsOfTheirKind() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new DesktopSource("screen:0:0'); alert(1)//", DesktopSource.Kind.SCREEN, "x", 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new DesktopSource("window:5:0", DesktopSource.Kind.SCREEN, "x", 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
