// Candor: links and popups from frames the app did not write (the Jitsi Meet iframe from the
// meeting server, anything it embeds). This JCEF build cancels every popup of an off-screen
// browser in native code before Java hears of it, so a target=_blank link or window.open in such
// a frame would silently do nothing. Injected by the app into every subframe; it asks the app to
// open the link in the system browser. The app opens only http(s) links and only right after the
// user clicked or typed in the meeting view (one link per user action).
(function () {
  'use strict';
  if (window.__candorFrameLinks || typeof window.cefQuery !== 'function') {
    return;
  }
  Object.defineProperty(window, '__candorFrameLinks', { value: true });

  function openExternally(url) {
    let absolute;
    try {
      absolute = new URL(String(url), location.href);
    } catch (e) {
      return;
    }
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') {
      return;
    }
    const message = JSON.stringify({ type: 'browser.openExternal', v: 1, payload: { url: absolute.href } })
      .replace(/[\u007f-\uffff]/g, function (c) {
        return '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
      });
    window.cefQuery({ request: message, persistent: false, onSuccess: function () {}, onFailure: function () {} });
  }

  // A link that would open a new window: target=_blank (or a named window), or a click with a
  // modifier or the middle button.
  function newWindowLink(e) {
    const a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a) {
      return null;
    }
    const target = (a.getAttribute('target') || '').toLowerCase();
    const named = target !== '' && target !== '_self' && target !== '_parent' && target !== '_top';
    return named || e.ctrlKey || e.shiftKey || e.metaKey || e.button === 1 ? a : null;
  }

  function onClick(e) {
    const a = newWindowLink(e);
    if (!a) {
      return;
    }
    // Decided after the page's own handlers ran: a link the page handles itself
    // (preventDefault) stays the page's business. Chromium cancels the popup either way.
    setTimeout(function () {
      if (!e.defaultPrevented) {
        openExternally(a.href);
      }
    }, 0);
  }
  window.addEventListener('click', onClick, true);
  window.addEventListener('auxclick', function (e) {
    if (e.button === 1) {
      onClick(e);
    }
  }, true);
  window.open = function (url) {
    if (url) {
      openExternally(url);
    }
    return null;
  };
})();
