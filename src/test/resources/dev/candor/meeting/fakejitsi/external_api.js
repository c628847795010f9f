// A fake Jitsi deployment's external_api.js, written for Candor's tests from the IFrame API
// documentation. Like the real one it creates an iframe on the deployment's origin and talks
// to it with window.postMessage, one scope per API instance; message envelope:
//   { postis: true, scope: 'jitsi_meet_external_api_<n>', method: 'message',
//     params: { type: 'event', data: { name: '<kebab-case-name>', ...fields } } }
// Commands travel the other way as { name: '<kebab-case-command>', data: [args] }.
'use strict';

(() => {
  const ORIGIN = new URL(document.currentScript.src).origin;
  let counter = 0;

  // IFrame API command names → wire names.
  const COMMANDS = {
    sendChatMessage: 'send-chat-message',
    sendEndpointTextMessage: 'send-endpoint-text-message',
    displayName: 'display-name',
    toggleAudio: 'toggle-audio',
    toggleVideo: 'toggle-video',
    hangup: 'video-hangup',
    toggleShareScreen: 'toggle-share-screen',
  };

  // Wire names of the meeting's requests to its host → IFrame API names (answered by a callback).
  const REQUESTS = {
    '_request-desktop-sources': '_requestDesktopSources',
  };

  // Wire names → IFrame API event names.
  const EVENTS = {
    'video-conference-joined': 'videoConferenceJoined',
    'video-conference-left': 'videoConferenceLeft',
    'participant-joined': 'participantJoined',
    'participant-left': 'participantLeft',
    'display-name-change': 'displayNameChange',
    'incoming-message': 'incomingMessage',
    'endpoint-text-message-received': 'endpointTextMessageReceived',
    'dominant-speaker-changed': 'dominantSpeakerChanged',
    'audio-mute-status-changed': 'audioMuteStatusChanged',
    'video-mute-status-changed': 'videoMuteStatusChanged',
    'video-ready-to-close': 'readyToClose',
    'error-occurred': 'errorOccurred',
    'screen-sharing-status-changed': 'screenSharingStatusChanged',
  };

  class JitsiMeetExternalAPI {
    constructor(domain, options = {}) {
      this._id = counter++;
      this._scope = 'jitsi_meet_external_api_' + this._id;
      this._listeners = new Map();
      this._queue = [];
      this._ready = false;
      const hash = new URLSearchParams();
      hash.set('jitsi_meet_external_api_id', String(this._id));
      const userInfo = options.userInfo || {};
      if (userInfo.displayName) hash.set('userInfo.displayName', JSON.stringify(userInfo.displayName));
      for (const [k, v] of Object.entries(options.configOverwrite || {})) hash.set('config.' + k, JSON.stringify(v));
      this._frame = document.createElement('iframe');
      this._frame.allow = 'camera; microphone; autoplay';
      this._frame.name = 'jitsiConferenceFrame' + this._id;
      this._frame.src = ORIGIN + '/' + encodeURIComponent(options.roomName || '') + '#' + hash.toString();
      this._frame.style.width = '100%';
      this._frame.style.height = '100%';
      this._onMessage = (e) => this._receive(e);
      window.addEventListener('message', this._onMessage);
      (options.parentNode || document.body).append(this._frame);
    }

    _receive(e) {
      if (e.source !== this._frame.contentWindow || e.origin !== ORIGIN) return;
      const m = e.data;
      if (!m || m.postis !== true || m.scope !== this._scope || !m.params) return;
      const data = m.params.data || {};
      if (m.params.type === 'request') {
        // Requests carry an id; the answer goes back as { type: 'response', id, result }.
        const request = REQUESTS[data.name];
        if (!request) return;
        const callback = (result) => this._frame.contentWindow.postMessage(
          { postis: true, scope: this._scope, method: 'message', params: { type: 'response', id: m.params.id, result } },
          ORIGIN);
        for (const fn of this._listeners.get(request) || []) fn(Object.assign({}, data, { name: request }), callback);
        return;
      }
      if (data.name === 'ready') {
        this._ready = true;
        this._queue.splice(0).forEach((c) => this._post(c));
        return;
      }
      const event = EVENTS[data.name];
      if (!event) return;
      const payload = Object.assign({}, data);
      delete payload.name;
      for (const fn of this._listeners.get(event) || []) fn(payload);
    }

    _post(command) {
      this._frame.contentWindow.postMessage(
        { postis: true, scope: this._scope, method: 'message', params: { type: 'event', data: command } }, ORIGIN);
    }

    executeCommand(name, ...args) {
      const wire = COMMANDS[name];
      if (!wire) return;
      const command = { name: wire, data: args };
      if (this._ready) this._post(command);
      else this._queue.push(command);
    }

    addListener(event, fn) {
      if (!this._listeners.has(event)) this._listeners.set(event, []);
      this._listeners.get(event).push(fn);
    }

    addEventListener(event, fn) {
      this.addListener(event, fn);
    }

    on(event, fn) {
      this.addListener(event, fn);
    }

    dispose() {
      window.removeEventListener('message', this._onMessage);
      this._frame.remove();
    }
  }

  window.JitsiMeetExternalAPI = JitsiMeetExternalAPI;
})();
