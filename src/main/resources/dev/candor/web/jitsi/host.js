// Candor's Jitsi host page: loads the chosen deployment's own external_api.js, creates
// JitsiMeetExternalAPI for the room, and maps the IFrame API's events and commands onto Candor's
// bridge (`window.candorBridge`: send(type, payload) / on(type, fn)). Event and command names are
// the IFrame API's own: https://jitsi.github.io/handbook/docs/dev-guide/dev-guide-iframe
// Failures to load (server down, or not a Jitsi deployment) are reported as `loadFailed`, so
// Candor can offer "Try again" and "Back".
'use strict';

(() => {
  const params = new URLSearchParams(location.search);
  const deployment = new URL(params.get('deployment')); // validated by the serving app as well
  const room = params.get('room') || '';
  const displayName = params.get('name') || '';
  const base = deployment.origin + deployment.pathname.replace(/\/+$/, '');
  const statusBox = document.getElementById('status');
  const bridge = window.CandorPageBridge;
  const emit = (type, payload) => bridge.emit(type, payload);
  const onCommand = (type, run) => bridge.onCommand(type, run);

  function str(v) {
    return typeof v === 'string' ? v : '';
  }

  function showStatus(text) {
    statusBox.textContent = text;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onload = resolve;
      s.onerror = reject;
      document.head.append(s);
    });
  }

  /**
   * A script error says nothing about why. A no-cors fetch tells the two cases apart: it rejects
   * when nothing answers (down, wrong name, offline) and resolves for any HTTP answer, such as
   * the 404 of a web server that is not a Jitsi deployment.
   */
  async function whyNotLoaded(src) {
    try {
      await fetch(src, { mode: 'no-cors', cache: 'no-store' });
      return 'notMeetingServer';
    } catch (e) {
      return 'unreachable';
    }
  }

  function loadFailed(reason) {
    showStatus(reason === 'unreachable'
      ? 'The meeting server could not be reached.'
      : 'That address is not a Jitsi Meet server.');
    emit('loadFailed', { reason, detail: base });
  }

  async function start() {
    const src = base + '/external_api.js';
    try {
      await loadScript(src);
    } catch (e) {
      loadFailed(await whyNotLoaded(src));
      return;
    }
    if (typeof window.JitsiMeetExternalAPI !== 'function') {
      loadFailed('notMeetingServer');
      return;
    }
    let api;
    try {
      api = new window.JitsiMeetExternalAPI(deployment.host + deployment.pathname.replace(/\/+$/, ''), {
        roomName: room,
        parentNode: document.getElementById('meeting'),
        width: '100%',
        height: '100%',
        userInfo: { displayName },
        configOverwrite: {
          // Candor has its own join screen, and must never hand the call to a mobile app.
          prejoinConfig: { enabled: false },
          prejoinPageEnabled: false,
          deeplinking: { disabled: true },
          disableDeepLinking: true,
          enableWelcomePage: false,
          enableClosePage: false,
          feedbackPercentage: 0,
        },
        interfaceConfigOverwrite: {
          MOBILE_APP_PROMO: false,
          SHOW_CHROME_EXTENSION_BANNER: false,
        },
      });
    } catch (e) {
      loadFailed('notMeetingServer');
      return;
    }
    wire(api);
  }

  function wire(api) {
    const on = (name, fn) => api.addListener(name, (e) => fn(e || {}));
    on('videoConferenceJoined', (e) => {
      showStatus('');
      emit('videoConferenceJoined', { id: str(e.id), displayName: str(e.displayName), roomName: str(e.roomName) });
    });
    on('videoConferenceLeft', (e) => emit('videoConferenceLeft', { roomName: str(e.roomName), reason: 'left' }));
    on('participantJoined', (e) => emit('participantJoined', { id: str(e.id), displayName: str(e.displayName) }));
    on('participantLeft', (e) => emit('participantLeft', { id: str(e.id) }));
    // The IFrame API spells this field in lower case.
    on('displayNameChange', (e) => emit('displayNameChange', { id: str(e.id), displayName: str(e.displayname) }));
    on('incomingMessage', (e) => emit('incomingMessage', {
      from: str(e.from), nick: str(e.nick), message: str(e.message), privateMessage: !!e.privateMessage,
    }));
    // Payload: { data: { senderInfo: { jid, id }, eventData: { name: 'endpoint-text-message', text } } }
    on('endpointTextMessageReceived', (e) => {
      const d = e.data || {};
      const text = d.eventData && d.eventData.text;
      const from = d.senderInfo && d.senderInfo.id;
      if (typeof text === 'string' && typeof from === 'string') {
        emit('endpointTextMessageReceived', { from, text });
      }
    });
    on('dominantSpeakerChanged', (e) => emit('dominantSpeakerChanged', { id: str(e.id) }));
    on('audioMuteStatusChanged', (e) => emit('audioMuteStatusChanged', { muted: !!e.muted }));
    on('videoMuteStatusChanged', (e) => emit('videoMuteStatusChanged', { muted: !!e.muted }));
    on('readyToClose', () => emit('readyToClose', {}));
    on('errorOccurred', (e) => {
      const err = e.error || e;
      emit('errorOccurred', { name: str(err.name), message: str(err.message), isFatal: !!err.isFatal });
    });

    // An empty recipient addresses everyone, as in the IFrame API.
    onCommand('sendChatMessage', (p) => api.executeCommand('sendChatMessage', str(p.message), str(p.to), false));
    onCommand('sendEndpointTextMessage', (p) => api.executeCommand('sendEndpointTextMessage', str(p.to), str(p.text)));
    onCommand('displayName', (p) => api.executeCommand('displayName', str(p.displayName)));
    onCommand('toggleAudio', () => api.executeCommand('toggleAudio'));
    onCommand('toggleVideo', () => api.executeCommand('toggleVideo'));
    onCommand('hangup', () => api.executeCommand('hangup'));

    // Screen sharing through Candor's picker. Jitsi running in a desktop app asks its host for
    // the desktop sources (the IFrame API request '_requestDesktopSources'); Candor answers with
    // the one source the user chose in Candor's own picker (none on Cancel), and Jitsi then
    // captures it with getUserMedia({chromeMediaSource: 'desktop', chromeMediaSourceId: id}).
    api.on('_requestDesktopSources', (request, callback) => {
      const bridge = window.candorBridge;
      if (!bridge) {
        callback({ error: 'Screen sharing needs Candor' });
        return;
      }
      bridge.send('screen.pick', {}).then((reply) => {
        const s = reply && reply.source;
        // Plain data only: the answer crosses into Jitsi's frame by postMessage.
        callback({ sources: s ? [{ id: str(s.id), name: str(s.name), thumbnail: { dataUrl: str(s.thumbnail) } }] : [] });
      }, (e) => callback({ error: str(e && e.message) }));
    });
    on('screenSharingStatusChanged', (e) => emit('screenSharingStatusChanged', { on: !!e.on }));
    onCommand('toggleShareScreen', () => api.executeCommand('toggleShareScreen'));
  }

  start();
})();
