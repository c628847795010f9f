// Candor bridge: the page side of the typed JSON channel to the Candor app.
// Served by each adapter's HTTP server from the classpath resource /dev/candor/browser/bridge.js
// (see BridgeScript). Include it before the page's own script:
//   <script src="/candor/bridge.js"></script>
// API:
//   candorBridge.send(type, payload, v = 1) -> Promise of the app's reply (rejects with .code)
//   candorBridge.on(type, fn) -> function that unsubscribes; fn(payload, message)
// Messages are JSON {type, v, payload}. The app accepts only the types it registered for this
// page, only from its own origins, and only up to a size cap.
(function () {
  'use strict';
  // Only inside Candor (where the app's message router defines cefQuery): in a plain browser the
  // meeting pages fall back to their own UI and DOM events.
  if (window.candorBridge || typeof window.cefQuery !== 'function') {
    return;
  }
  const listeners = new Map();

  function send(type, payload, v) {
    return new Promise(function (resolve, reject) {
      if (typeof window.cefQuery !== 'function') {
        reject(Object.assign(new Error('Candor bridge is not available'), { code: 503 }));
        return;
      }
      const message = { type: String(type), v: v === undefined ? 1 : v, payload: payload === undefined ? null : payload };
      window.cefQuery({
        request: asciiJson(message),
        persistent: false,
        onSuccess: function (reply) {
          try {
            resolve(reply ? JSON.parse(reply) : null);
          } catch (e) {
            reject(e);
          }
        },
        onFailure: function (code, text) {
          reject(Object.assign(new Error(text), { code: code }));
        }
      });
    });
  }

  // JSON with every non-ASCII code unit escaped: JCEF passes strings through JNI's modified UTF-8,
  // which mangles characters beyond U+FFFF (emoji) and made such messages unreadable.
  function asciiJson(value) {
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, function (c) {
      return '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function on(type, fn) {
    if (!listeners.has(type)) {
      listeners.set(type, new Set());
    }
    listeners.get(type).add(fn);
    return function () {
      listeners.get(type).delete(fn);
    };
  }

  // Called by the app with an already-parsed object literal.
  function receive(message) {
    const fns = message && listeners.get(message.type);
    if (!fns) {
      return;
    }
    fns.forEach(function (fn) {
      try {
        fn(message.payload, message);
      } catch (e) {
        console.error('candorBridge listener failed', e);
      }
    });
  }

  // Links to other sites and popups open in the user's own browser, never inside Candor. (CEF's
  // popup callback is not reached for off-screen browsers in this JCEF build, so the page asks.)
  function openExternally(url) {
    let absolute;
    try {
      absolute = new URL(url, location.href);
    } catch (e) {
      return;
    }
    if (absolute.protocol === 'http:' || absolute.protocol === 'https:') {
      send('browser.openExternal', { url: absolute.href }).catch(function () {});
    }
  }
  document.addEventListener('click', function (e) {
    const a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a) {
      return;
    }
    const elsewhere = a.target === '_blank' || new URL(a.href, location.href).origin !== location.origin;
    if (elsewhere) {
      e.preventDefault();
      openExternally(a.href);
    }
  }, true);
  window.open = function (url) {
    if (url) {
      openExternally(String(url));
    }
    return null;
  };

  Object.defineProperty(window, 'candorBridge', {
    value: Object.freeze({ send: send, on: on, receive: receive, version: 1 }),
    writable: false,
    configurable: false
  });
})();
