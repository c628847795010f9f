// Candor local room page: a peer-to-peer WebRTC mesh (at most 6 people) whose offers, answers,
// ICE candidates, chat and endpoint messages are relayed by the room server over one WebSocket.
// It works in any modern browser with its own small UI. Inside Candor, `window.candorBridge`
// (send(type, payload) / on(type, fn)) is present and the page reports the same typed events as
// the Jitsi host page (named after the Jitsi IFrame API) and obeys the same commands.
//
// Endpoint messages go through the server rather than a data channel: one path for every peer,
// ordered, working even while a peer connection is still being set up, and attributed by the
// server to the sender's server-assigned id.
'use strict';

(() => {
  const MAX_CHAT_CHARS = 4000;
  const MAX_ENDPOINT_CHARS = 16 * 1024;
  const SPEAKER_THRESHOLD = 0.02;

  const $ = (id) => document.getElementById(id);
  const room = decodeURIComponent(location.pathname.split('/').pop() || '');
  const params = new URLSearchParams(location.search);
  const bridge = window.CandorPageBridge;

  /** Everything the page knows about the call. */
  const state = {
    ws: null,
    selfId: null,
    name: '',
    localStream: null,
    audioMuted: false,
    videoMuted: false,
    screenTrack: null, // while sharing: the screen's video track, sent instead of the camera
    picking: false,
    joined: false,
    ended: false,
    dominant: null,
    peers: new Map(), // id -> { id, name, pc, tile, video, caption, item, chain, pending, ... }
  };

  // ---- Bridge to Candor (page-bridge.js; absent Candor, DOM events) ------------------------

  const emit = (type, payload) => bridge.emit(type, payload);
  bridge.onCommand('sendChatMessage', (p) => sendChat(str(p.to), str(p.message)));
  bridge.onCommand('sendEndpointTextMessage', (p) => sendEndpoint(str(p.to), str(p.text)));
  bridge.onCommand('displayName', (p) => rename(str(p.displayName)));
  bridge.onCommand('toggleAudio', () => toggleAudio());
  bridge.onCommand('toggleVideo', () => toggleVideo());
  bridge.onCommand('hangup', () => hangup());
  bridge.onCommand('toggleShareScreen', () => toggleShareScreen());

  // Inside Candor the app draws people, chat and controls around the page: show only the videos.
  if (bridge.present) document.documentElement.classList.add('embedded');
  window.addEventListener('candor:bridge-ready', () => document.documentElement.classList.add('embedded'));

  function str(v) {
    return typeof v === 'string' ? v : '';
  }

  // ---- Small UI helpers (text only: nothing a participant sends is ever parsed as HTML) ------

  function showError(text) {
    const box = $('error');
    box.textContent = text;
    box.hidden = false;
  }

  function setStatus(text) {
    $('status').textContent = text;
  }

  function fail(name, message, isFatal) {
    showError(message);
    emit('errorOccurred', { name, message, isFatal: !!isFatal });
  }

  function nameOf(id) {
    if (id === state.selfId) return state.name;
    const peer = state.peers.get(id);
    return peer ? peer.name : 'Someone';
  }

  function appendChat(who, text, isPrivate) {
    const li = document.createElement('li');
    if (isPrivate) li.className = 'private';
    const w = document.createElement('span');
    w.className = 'who';
    w.textContent = who;
    const t = document.createElement('span');
    t.className = 'text';
    t.textContent = text;
    li.append(w, t);
    $('chat-log').append(li);
    li.scrollIntoView({ block: 'nearest' });
  }

  // ---- Joining -------------------------------------------------------------------------------

  async function join(name) {
    state.name = name.trim().slice(0, 64) || 'Guest';
    try {
      localStorage.setItem('candor.name', state.name);
    } catch (e) { /* storage may be off; the name is only a convenience */ }
    $('join-form').hidden = true;
    $('call').hidden = false;
    $('rename-input').value = state.name;
    setStatus('Starting camera…');
    await startMedia();
    connect();
  }

  async function startMedia() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      // Plain http on a LAN address is not a secure context: no camera, but chat and watching work.
      fail('media-unavailable',
        'This browser gives no camera or microphone on this address: you can watch, listen and chat.', false);
      return;
    }
    try {
      state.localStream = await navigator.mediaDevices.getUserMedia({
        audio: true,
        video: { width: { ideal: 640 }, height: { ideal: 360 } },
      });
      $('local-video').srcObject = state.localStream;
      startLocalMeter();
    } catch (e) {
      fail('media-unavailable',
        'Camera or microphone could not be used (' + e.name + '): you can watch, listen and chat.', false);
    }
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(scheme + '//' + location.host + '/ws/' + encodeURIComponent(room));
    state.ws = ws;
    setStatus('Connecting…');
    ws.onopen = () => send({ type: 'join', name: state.name });
    ws.onmessage = (e) => {
      let m;
      try {
        m = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      onServerMessage(m);
    };
    ws.onclose = (e) => onClosed(e.code, e.reason);
    setInterval(() => send({ type: 'ping' }), 25000);
  }

  function send(message) {
    if (state.ws && state.ws.readyState === WebSocket.OPEN) {
      state.ws.send(JSON.stringify(message));
    }
  }

  function onClosed(code, reason) {
    if (state.ended) return;
    state.ended = true;
    closeAllPeers();
    let text;
    if (code === 4409) text = 'This room is full: at most 6 people can take part.';
    else if (code === 4429) text = 'The room server closed the connection: too many messages.';
    else if (code === 4400) text = 'The room server refused a message (' + reason + ').';
    else if (code === 1009) text = 'The room server closed the connection: a message was too large.';
    else text = 'The connection to the room server was lost.';
    const wasJoined = state.joined;
    fail(code === 4409 ? 'room-full' : 'connection-lost', text, true);
    setStatus('Disconnected');
    if (wasJoined) {
      state.joined = false;
      emit('videoConferenceLeft', { roomName: room, reason: code === 1000 ? 'left' : 'disconnected' });
    }
  }

  function onServerMessage(m) {
    switch (m.type) {
      case 'welcome': {
        state.selfId = m.id;
        state.joined = true;
        setStatus('In the room');
        $('videos').querySelector('.local').dataset.peer = m.id;
        emit('videoConferenceJoined', { id: m.id, displayName: state.name, roomName: room });
        if (state.audioMuted || state.videoMuted) {
          send({ type: 'mute', audio: state.audioMuted, video: state.videoMuted });
        }
        for (const p of m.participants || []) {
          const peer = addPeer(p);
          // The newcomer makes the offers, so two peers never offer to each other at once.
          offerTo(peer);
        }
        break;
      }
      case 'joined':
        addPeer(m);
        break;
      case 'left':
        removePeer(m.id);
        break;
      case 'signal':
        onSignal(m.from, m.data || {});
        break;
      case 'chat':
        appendChat(nameOf(m.from) + (m.private ? ' (privately)' : ''), str(m.text), m.private);
        emit('incomingMessage', {
          from: m.from, nick: nameOf(m.from), message: str(m.text), privateMessage: !!m.private,
        });
        break;
      case 'endpoint':
        emit('endpointTextMessageReceived', { from: m.from, text: str(m.text) });
        break;
      case 'name': {
        const peer = state.peers.get(m.from);
        if (peer) {
          peer.name = str(m.name);
          renderPeer(peer);
          emit('displayNameChange', { id: m.from, displayName: peer.name });
        }
        break;
      }
      case 'mute': {
        const peer = state.peers.get(m.from);
        if (peer) {
          peer.audioMuted = !!m.audio;
          peer.videoMuted = !!m.video;
          renderPeer(peer);
        }
        break;
      }
      case 'error':
        if (m.code === 'room-full') {
          state.ended = true;
          fail('room-full', str(m.message) || 'This room is full.', true);
          setStatus('Not joined');
        } else {
          fail(str(m.code) || 'error', str(m.message) || 'The room server reported an error.', false);
        }
        break;
      default:
        break;
    }
  }

  // ---- Peers and their connections -----------------------------------------------------------

  function addPeer(p) {
    if (state.peers.has(p.id)) return state.peers.get(p.id);
    const tile = document.createElement('figure');
    tile.className = 'tile';
    tile.dataset.peer = p.id;
    const video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    const caption = document.createElement('figcaption');
    tile.append(video, caption);
    $('videos').append(tile);
    const item = document.createElement('li');
    item.dataset.peer = p.id;
    $('participants').append(item);
    const option = document.createElement('option');
    option.value = p.id;
    $('chat-to').append(option);
    const peer = {
      id: p.id, name: str(p.name), audioMuted: !!p.audioMuted, videoMuted: !!p.videoMuted,
      pc: null, tile, video, caption, item, option, chain: Promise.resolve(), pending: [],
    };
    video.addEventListener('resize', () => onRemoteVideo(peer));
    state.peers.set(p.id, peer);
    renderPeer(peer);
    emit('participantJoined', { id: p.id, displayName: peer.name });
    return peer;
  }

  function renderPeer(peer) {
    const flags = (peer.audioMuted ? ' 🔇' : '') + (peer.videoMuted ? ' 📷✕' : '');
    peer.caption.textContent = peer.name + flags;
    peer.item.textContent = peer.name + flags;
    peer.option.textContent = peer.name;
  }

  function removePeer(id) {
    const peer = state.peers.get(id);
    if (!peer) return;
    state.peers.delete(id);
    if (peer.pc) peer.pc.close();
    peer.tile.remove();
    peer.item.remove();
    peer.option.remove();
    emit('participantLeft', { id });
  }

  function closeAllPeers() {
    for (const peer of state.peers.values()) {
      if (peer.pc) peer.pc.close();
    }
  }

  /** First remote frame, in ms since navigation start: for tests and the join-time benchmark. */
  function onRemoteVideo(peer) {
    if (peer.video.videoWidth > 0 && !document.body.dataset.firstRemoteVideoMs) {
      document.body.dataset.firstRemoteVideoMs = String(Math.round(performance.now()));
    }
  }

  function makeConnection(peer, offering) {
    // No STUN or TURN: on a LAN or this machine host candidates are all it takes.
    const pc = new RTCPeerConnection({ iceServers: [] });
    if (state.localStream) {
      for (const track of state.localStream.getTracks()) {
        // Someone joining while this user shares the screen gets the screen, not the camera.
        pc.addTrack(track.kind === 'video' && state.screenTrack ? state.screenTrack : track, state.localStream);
      }
    } else if (offering) {
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
    }
    pc.onicecandidate = (e) => {
      if (e.candidate) send({ type: 'signal', to: peer.id, data: { candidate: e.candidate.toJSON() } });
    };
    pc.ontrack = (e) => {
      const stream = e.streams[0] || new MediaStream([e.track]);
      if (peer.video.srcObject !== stream) peer.video.srcObject = stream;
    };
    pc.onconnectionstatechange = () => {
      peer.tile.dataset.state = pc.connectionState;
    };
    peer.pc = pc;
    return pc;
  }

  function offerTo(peer) {
    peer.chain = peer.chain.then(async () => {
      const pc = makeConnection(peer, true);
      await pc.setLocalDescription(await pc.createOffer());
      send({ type: 'signal', to: peer.id, data: { sdp: pc.localDescription.toJSON() } });
    }).catch((e) => console.warn('offer failed', e));
  }

  // Signals of one peer are applied strictly in order: a candidate may not overtake its offer.
  function onSignal(from, data) {
    const peer = state.peers.get(from);
    if (!peer) return;
    peer.chain = peer.chain.then(async () => {
      if (data.sdp && data.sdp.type === 'offer') {
        const pc = peer.pc || makeConnection(peer, false);
        await pc.setRemoteDescription(data.sdp);
        await flushCandidates(peer);
        await pc.setLocalDescription(await pc.createAnswer());
        send({ type: 'signal', to: peer.id, data: { sdp: pc.localDescription.toJSON() } });
      } else if (data.sdp && data.sdp.type === 'answer' && peer.pc) {
        await peer.pc.setRemoteDescription(data.sdp);
        await flushCandidates(peer);
      } else if (data.candidate) {
        if (peer.pc && peer.pc.remoteDescription) await peer.pc.addIceCandidate(data.candidate);
        else peer.pending.push(data.candidate);
      }
    }).catch((e) => console.warn('signal failed', e));
  }

  async function flushCandidates(peer) {
    const pending = peer.pending.splice(0);
    for (const c of pending) await peer.pc.addIceCandidate(c);
  }

  // ---- Commands (from the page's own buttons or from Candor) ---------------------------------

  function sendChat(to, text) {
    if (!state.joined) return;
    if (!text.trim() || text.length > MAX_CHAT_CHARS) {
      fail('message-rejected', 'A chat message must be 1 to ' + MAX_CHAT_CHARS + ' characters.', false);
      return;
    }
    if (to && !state.peers.has(to)) {
      fail('unknown-participant', 'That participant is no longer in the room.', false);
      return;
    }
    send({ type: 'chat', to, text });
    appendChat(to ? 'You → ' + nameOf(to) + ' (privately)' : 'You', text, !!to);
  }

  function sendEndpoint(to, text) {
    if (!state.joined) return;
    if (!text || text.length > MAX_ENDPOINT_CHARS) {
      fail('message-rejected', 'An endpoint message must be 1 to ' + MAX_ENDPOINT_CHARS + ' characters.', false);
      return;
    }
    send({ type: 'endpoint', to, text });
  }

  function rename(name) {
    const clean = name.trim().slice(0, 64);
    if (!clean) return;
    state.name = clean;
    $('rename-input').value = clean;
    send({ type: 'name', name: clean });
    if (state.joined) emit('displayNameChange', { id: state.selfId, displayName: clean });
  }

  function toggleAudio() {
    state.audioMuted = !state.audioMuted;
    if (state.localStream) state.localStream.getAudioTracks().forEach((t) => { t.enabled = !state.audioMuted; });
    $('toggle-audio').textContent = state.audioMuted ? 'Unmute' : 'Mute';
    send({ type: 'mute', audio: state.audioMuted, video: state.videoMuted });
    emit('audioMuteStatusChanged', { muted: state.audioMuted });
  }

  function toggleVideo() {
    state.videoMuted = !state.videoMuted;
    if (state.localStream) state.localStream.getVideoTracks().forEach((t) => { t.enabled = !state.videoMuted; });
    $('toggle-video').textContent = state.videoMuted ? 'Start video' : 'Stop video';
    send({ type: 'mute', audio: state.audioMuted, video: state.videoMuted });
    emit('videoMuteStatusChanged', { muted: state.videoMuted });
  }

  // ---- Screen sharing (inside Candor) --------------------------------------------------------
  // Candor's picker chooses the source (screen.pick through the bridge); the page captures it as a
  // desktop source and sends it to every peer in place of the camera, so nobody renegotiates.

  async function toggleShareScreen() {
    if (state.screenTrack) {
      stopShareScreen();
      return;
    }
    const b = window.candorBridge;
    if (!b || state.picking || !state.joined) return;
    state.picking = true;
    try {
      const reply = await b.send('screen.pick', {});
      const source = reply && reply.source;
      if (!source || typeof source.id !== 'string') return; // cancelled: nothing starts
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { mandatory: {
          chromeMediaSource: 'desktop', chromeMediaSourceId: source.id,
          maxWidth: 1920, maxHeight: 1080, maxFrameRate: 15,
        } },
      });
      const track = stream.getVideoTracks()[0];
      if (!track) return;
      if (state.ended) { track.stop(); return; }
      state.screenTrack = track;
      track.onended = () => stopShareScreen();
      await sendVideo(track);
      $('local-video').srcObject = stream;
      document.body.dataset.sharing = source.kind || 'screen';
      emit('screenSharingStatusChanged', { on: true });
    } catch (e) {
      console.warn('screen sharing failed', e && e.name);
      emit('screenSharingStatusChanged', { on: false });
    } finally {
      state.picking = false;
    }
  }

  function stopShareScreen() {
    const track = state.screenTrack;
    if (!track) return;
    state.screenTrack = null;
    track.onended = null;
    track.stop();
    const camera = state.localStream && state.localStream.getVideoTracks()[0];
    sendVideo(camera || null).catch((e) => console.warn('camera not restored', e));
    if (state.localStream) $('local-video').srcObject = state.localStream;
    delete document.body.dataset.sharing;
    emit('screenSharingStatusChanged', { on: false });
  }

  /** Puts {@code track} on every peer connection's video sender (the camera's, or a new one). */
  async function sendVideo(track) {
    for (const peer of state.peers.values()) {
      if (!peer.pc) continue;
      const video = peer.pc.getTransceivers().find((t) => t.receiver.track && t.receiver.track.kind === 'video');
      if (video) await video.sender.replaceTrack(track);
    }
  }

  function hangup() {
    if (state.ended) {
      emit('readyToClose', {});
      return;
    }
    state.ended = true;
    send({ type: 'leave' });
    closeAllPeers();
    if (state.localStream) state.localStream.getTracks().forEach((t) => t.stop());
    if (state.screenTrack) { state.screenTrack.onended = null; state.screenTrack.stop(); state.screenTrack = null; }
    if (state.ws) state.ws.close(1000, 'left');
    setStatus('You left the room');
    if (state.joined) {
      state.joined = false;
      emit('videoConferenceLeft', { roomName: room, reason: 'left' });
    }
    emit('readyToClose', {});
  }

  // ---- Dominant speaker ---------------------------------------------------------------------
  // Each voice has a smoothed level: its loudness over the last interval, or the previous level
  // decayed, whichever is higher, so short gaps between words (or beeps) do not drop a speaker.
  // The loudest smoothed level above a floor becomes dominant after two ticks in a row.

  const levels = new Map(); // id -> smoothed level
  let localLevel = null;

  function smooth(id, level, decay) {
    const next = Math.max(level, (levels.get(id) || 0) * decay);
    levels.set(id, next);
    return next;
  }

  function startLocalMeter() {
    const tracks = state.localStream.getAudioTracks();
    if (!tracks.length || !window.AudioContext) return;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    ctx.createMediaStreamSource(new MediaStream([tracks[0]])).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    let peak = 0;
    setInterval(() => {
      analyser.getFloatTimeDomainData(buf);
      let sum = 0;
      for (const v of buf) sum += v * v;
      peak = Math.max(peak * 0.85, Math.sqrt(sum / buf.length));
    }, 100);
    localLevel = () => peak;
  }

  /** RMS of a peer's received audio since the last tick, from the energy counters of getStats. */
  async function remoteLevel(peer) {
    const stats = await peer.pc.getStats();
    let level = 0;
    stats.forEach((s) => {
      if (s.type !== 'inbound-rtp' || s.kind !== 'audio' || typeof s.totalAudioEnergy !== 'number') return;
      const prev = peer.energy || { e: 0, d: 0 };
      const dE = s.totalAudioEnergy - prev.e;
      const dD = s.totalSamplesDuration - prev.d;
      peer.energy = { e: s.totalAudioEnergy, d: s.totalSamplesDuration };
      if (dD > 0) level = Math.sqrt(dE / dD);
    });
    return level;
  }

  let candidate = null;
  let candidateTicks = 0;

  async function speakerTick() {
    if (!state.joined) return;
    let best = null;
    let bestLevel = SPEAKER_THRESHOLD;
    if (localLevel) {
      const level = state.audioMuted ? 0 : localLevel();
      if (level > bestLevel) { best = state.selfId; bestLevel = level; }
    }
    for (const peer of state.peers.values()) {
      if (!peer.pc) continue;
      let level = 0;
      try {
        level = peer.audioMuted ? 0 : await remoteLevel(peer);
      } catch (e) { /* connection closing */ }
      level = smooth(peer.id, level, 0.6);
      if (level > bestLevel) { best = peer.id; bestLevel = level; }
    }
    if (!best || best === state.dominant) {
      candidate = null;
      return;
    }
    candidateTicks = best === candidate ? candidateTicks + 1 : 1;
    candidate = best;
    if (candidateTicks >= 2) {
      state.dominant = best;
      document.querySelectorAll('.tile.speaking').forEach((t) => t.classList.remove('speaking'));
      const tile = best === state.selfId ? $('videos').querySelector('.local') : state.peers.get(best)?.tile;
      if (tile) tile.classList.add('speaking');
      emit('dominantSpeakerChanged', { id: best });
    }
  }
  setInterval(speakerTick, 300);

  // ---- Wiring the page's own controls --------------------------------------------------------

  $('room-title').textContent = 'Room ' + room;
  document.title = room + ' · Candor room';
  $('join-form').addEventListener('submit', (e) => {
    e.preventDefault();
    join($('name-input').value);
  });
  $('chat-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $('chat-input');
    if (!input.value.trim()) return;
    sendChat($('chat-to').value, input.value);
    input.value = '';
  });
  $('rename-form').addEventListener('submit', (e) => {
    e.preventDefault();
    rename($('rename-input').value);
  });
  $('toggle-audio').addEventListener('click', toggleAudio);
  $('toggle-video').addEventListener('click', toggleVideo);
  $('hangup').addEventListener('click', hangup);
  window.addEventListener('pagehide', () => send({ type: 'leave' }));

  // Candor (or a link with ?name=) joins at once; anyone else first picks a name.
  const given = params.get('name');
  if (bridge.present || given) {
    join(given || 'Candor user');
  } else {
    let saved = '';
    try {
      saved = localStorage.getItem('candor.name') || '';
    } catch (e) { /* ignore */ }
    $('name-input').value = saved;
    $('join-form').hidden = false;
    $('name-input').focus();
  }
})();
