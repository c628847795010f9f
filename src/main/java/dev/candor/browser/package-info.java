/**
 * The embedded browser: JCEF lifecycle ({@link dev.candor.browser.BrowserRuntime}), a web page as
 * a JavaFX node ({@link dev.candor.browser.BrowserView}), the origin-checked typed JSON bridge
 * ({@link dev.candor.browser.PageSpec}, {@link dev.candor.browser.BrowserPage#post},
 * {@code bridge.js}) and the navigation lock-down. See ADR 0001.
 *
 * <pre>{@code
 * // app, before Application.launch (CEF must be up before the JavaFX toolkit):
 * BrowserRuntime browser = new BrowserRuntime(BrowserSettings.of(dataDir), new SystemBrowserOpener(),
 *         (step, fraction) -> splash.show(step, fraction));
 * browser.start();                       // never throws
 * if (!browser.isSupported()) { show(browser.failureMessage()); }
 * // an adapter, on the FX thread:
 * BrowserView view = browser.open(PageSpec.builder("http://127.0.0.1:" + port + "/room.html")
 *         .allowNavigation("https://meet.jit.si")          // may navigate there, no bridge
 *         .on("chat.received", 1, request -> { callExecutor.execute(...); return null; })
 *         .build());
 * view.page().post("chat.send", 1, Map.of("text", text)); // JS: candorBridge.on("chat.send", fn)
 * view.close();                          // when the call view goes away
 * // app, at exit (off the FX thread):
 * browser.shutdown();
 * }</pre>
 */
package dev.candor.browser;
