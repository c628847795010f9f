// Shared by Candor's meeting pages (the local room page and the Jitsi host page): the page side
// of the bridge to Candor. Candor provides `window.candorBridge` (send(type, payload) and
// on(type, fn)); it may be injected before the page's scripts run or later, in which case the
// injector dispatches a 'candor:bridge-ready' event on window. Until then events are kept (at
// most 500) and delivered in order once the bridge appears. Without Candor the same events are
// also dispatched as DOM 'candor:event' events and commands are accepted as 'candor:command'
// events (detail {type, payload}), so a browser extension or a test can follow a plain browser.
'use strict';

window.CandorPageBridge = (() => {
  const MAX_PENDING = 500;
  const pending = [];
  const commands = new Map();
  let bridge = null;

  function attach() {
    const b = window.candorBridge;
    if (bridge || !b || typeof b.send !== 'function' || typeof b.on !== 'function') return;
    bridge = b;
    for (const [type, run] of commands) bridge.on(type, (p) => run(p || {}));
    for (const m of pending.splice(0)) deliver(m.type, m.payload);
  }

  function deliver(type, payload) {
    try {
      bridge.send(type, payload);
    } catch (e) {
      console.warn('candorBridge.send failed', e);
    }
  }

  window.addEventListener('candor:bridge-ready', attach);
  window.addEventListener('candor:command', (e) => {
    const d = e.detail || {};
    // Once Candor's bridge is attached, only Candor commands the page.
    if (bridge || typeof d.type !== 'string' || !commands.has(d.type)) return;
    commands.get(d.type)(d.payload || {});
  });
  attach();

  return Object.freeze({
    /** Whether Candor's bridge is present now. */
    get present() {
      return bridge !== null;
    },
    /** Sends a typed event to Candor (or keeps it until the bridge appears). */
    emit(type, payload) {
      const p = payload || {};
      window.dispatchEvent(new CustomEvent('candor:event', { detail: { type, payload: p } }));
      if (bridge) {
        deliver(type, p);
      } else {
        if (pending.length >= MAX_PENDING) pending.shift();
        pending.push({ type, payload: p });
      }
    },
    /** Registers the handler of one command type. */
    onCommand(type, run) {
      commands.set(type, run);
      if (bridge) bridge.on(type, (p) => run(p || {}));
    },
  });
})();
