// The fake Jitsi deployment's meeting page (inside the iframe). It joins the room through the
// local room's signalling server (no media) and speaks the IFrame API's postMessage protocol to
// its parent, with the real payload shapes (e.g. displayNameChange's lower-case `displayname`,
// endpointTextMessageReceived's { data: { senderInfo, eventData } }).
'use strict';

(() => {
  const hash = new URLSearchParams(location.hash.slice(1));
  const scope = 'jitsi_meet_external_api_' + hash.get('jitsi_meet_external_api_id');
  const room = decodeURIComponent(location.pathname.slice(1));
  let name = JSON.parse(hash.get('userInfo.displayName') || '"Fellow Jitsier"');
  let selfId = null;
  let audioMuted = false;
  let videoMuted = false;
  const names = new Map();
  let screen = null; // the shared screen's track
  let requests = 0;
  const answers = new Map();

  function post(name, fields) {
    parent.postMessage(
      { postis: true, scope, method: 'message', params: { type: 'event', data: Object.assign({ name }, fields) } }, '*');
  }

  // A deployment configured without signalling is one that never lets anybody in.
  if (!window.FAKE_JITSI.signalling) return;
  const ws = new WebSocket(window.FAKE_JITSI.signalling + encodeURIComponent(room));
  const send = (m) => ws.send(JSON.stringify(m));
  ws.onopen = () => send({ type: 'join', name });
  ws.onclose = () => post('error-occurred', { name: 'conference.connectionError', message: 'Connection lost', isFatal: true });
  ws.onmessage = (e) => {
    const m = JSON.parse(e.data);
    switch (m.type) {
      case 'welcome':
        selfId = m.id;
        post('video-conference-joined', { roomName: room, id: m.id, displayName: name, avatarURL: '' });
        for (const p of m.participants) {
          names.set(p.id, p.name);
          post('participant-joined', { id: p.id, displayName: p.name });
        }
        break;
      case 'joined':
        names.set(m.id, m.name);
        post('participant-joined', { id: m.id, displayName: m.name });
        break;
      case 'left':
        names.delete(m.id);
        post('participant-left', { id: m.id });
        break;
      case 'name':
        names.set(m.from, m.name);
        post('display-name-change', { id: m.from, displayname: m.name, formattedDisplayName: m.name });
        break;
      case 'chat':
        post('incoming-message', {
          from: m.from, nick: names.get(m.from) || '', message: m.text, privateMessage: !!m.private, stamp: Date.now(),
        });
        // Whoever writes is treated as speaking, so the fake has a dominant speaker to report.
        post('dominant-speaker-changed', { id: m.from });
        break;
      case 'endpoint':
        post('endpoint-text-message-received', {
          data: {
            senderInfo: { jid: room + '@conference.fake/' + m.from, id: m.from },
            eventData: { name: 'endpoint-text-message', text: m.text },
          },
        });
        break;
      default:
        break;
    }
  };

  const commands = {
    'send-chat-message': (message, to) => send({ type: 'chat', to: to || '', text: message }),
    'send-endpoint-text-message': (to, text) => send({ type: 'endpoint', to: to || '', text }),
    'display-name': (newName) => {
      name = newName;
      send({ type: 'name', name });
      post('display-name-change', { id: selfId, displayname: name, formattedDisplayName: name });
    },
    'toggle-audio': () => {
      audioMuted = !audioMuted;
      send({ type: 'mute', audio: audioMuted, video: videoMuted });
      post('audio-mute-status-changed', { muted: audioMuted });
    },
    'toggle-video': () => {
      videoMuted = !videoMuted;
      send({ type: 'mute', audio: audioMuted, video: videoMuted });
      post('video-mute-status-changed', { muted: videoMuted });
    },
    // Like lib-jitsi-meet: inside Electron (by the user agent) the host app is asked for the
    // desktop sources and the chosen one is captured with getUserMedia; elsewhere getDisplayMedia.
    'toggle-share-screen': async () => {
      if (screen) {
        screen.stop();
        screen = null;
        post('screen-sharing-status-changed', { on: false });
        return;
      }
      try {
        let stream;
        if (/Electron\/[\d.]+/.test(navigator.userAgent)) {
          const result = await request('_request-desktop-sources', { options: { types: ['screen', 'window'] } });
          const source = result && result.sources && result.sources[0];
          if (!source) return; // the user cancelled
          stream = await navigator.mediaDevices.getUserMedia({
            audio: false,
            video: { mandatory: { chromeMediaSource: 'desktop', chromeMediaSourceId: source.id } },
          });
        } else {
          stream = await navigator.mediaDevices.getDisplayMedia({ video: true });
        }
        screen = stream.getVideoTracks()[0];
        document.body.dataset.sharing = screen.label;
        post('screen-sharing-status-changed', { on: true, details: { sourceType: 'screen' } });
      } catch (e) {
        post('error-occurred', { name: 'screenshare.' + e.name, message: String(e.message), isFatal: false });
      }
    },
    'video-hangup': () => {
      ws.onclose = null;
      send({ type: 'leave' });
      ws.close();
      post('video-conference-left', { roomName: room });
      post('video-ready-to-close', {});
    },
  };

  function request(requestName, fields) {
    const id = ++requests;
    return new Promise((resolve) => {
      answers.set(id, resolve);
      parent.postMessage(
        { postis: true, scope, method: 'message', params: { type: 'request', id, data: Object.assign({ name: requestName }, fields) } },
        '*');
    });
  }

  window.addEventListener('message', (e) => {
    if (e.source !== parent) return;
    const m = e.data;
    if (m && m.postis === true && m.scope === scope && m.params && m.params.type === 'response') {
      const resolve = answers.get(m.params.id);
      answers.delete(m.params.id);
      if (resolve) resolve(m.params.result);
      return;
    }
    if (!m || m.postis !== true || m.scope !== scope || !m.params || !m.params.data) return;
    const run = commands[m.params.data.name];
    if (run) run(...(m.params.data.data || []));
  });
  post('ready', {});
})();
