package dev.candor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The user agent names Chromium's version and Electron, so Jitsi asks Candor for desktop sources. */
class UserAgentTest {
    @Test
    void theProductNamesTheBundledChromiumAndElectron() {
        assertThat(BrowserRuntime.userAgentProduct("jcef-d3de827+cef-146.0.10+g8219561+chromium-146.0.7680.179"))
                .isEqualTo("Chrome/146.0.7680.179 Electron/" + BrowserRuntime.ELECTRON + " Candor")
                // lib-jitsi-meet's test for Electron
                .containsPattern("Electron/[\\d.]+");
    }

    @Test
    void anUnknownBuildStillGivesAChromeVersion() {
        assertThat(BrowserRuntime.userAgentProduct("")).startsWith("Chrome/146.");
        assertThat(BrowserRuntime.userAgentProduct(null)).startsWith("Chrome/146.");
    }
}
