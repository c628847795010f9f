package dev.candor.call;

import java.time.Instant;
import java.util.Objects;

/**
 * What a meeting adapter reports about the call, in the order it happened. Adapters hand these to
 * the call executor; the core never sees adapter-specific types. Names follow the Jitsi IFrame API
 * events they mirror (https://jitsi.github.io/handbook/docs/dev-guide/dev-guide-iframe).
 */
public sealed interface CallEvent {
    /** When the adapter observed the event. */
    Instant at();

    /** videoConferenceJoined: this client is in the call as {@code self}. */
    record Joined(Instant at, ParticipantId self, String displayName, String roomName) implements CallEvent {}

    /** videoConferenceLeft: this client left (or was dropped from) the call. */
    record Left(Instant at, String reason) implements CallEvent {}

    /** participantJoined. */
    record ParticipantJoined(Instant at, ParticipantId id, String displayName) implements CallEvent {}

    /** participantLeft. */
    record ParticipantLeft(Instant at, ParticipantId id) implements CallEvent {}

    /** displayNameChange. */
    record DisplayNameChanged(Instant at, ParticipantId id, String displayName) implements CallEvent {}

    /** incomingMessage: a chat message, to everyone or privately to this client. */
    record ChatReceived(Instant at, ParticipantId from, String fromName, String text, boolean privateMessage)
            implements CallEvent {}

    /** endpointTextMessageReceived: a data-channel message; the text is untrusted. */
    record EndpointMessageReceived(Instant at, ParticipantId from, String text) implements CallEvent {}

    /** dominantSpeakerChanged. */
    record DominantSpeakerChanged(Instant at, ParticipantId id) implements CallEvent {}

    /** audioMuteStatusChanged / videoMuteStatusChanged for this client. */
    record MuteChanged(Instant at, boolean audioMuted, boolean videoMuted) implements CallEvent {}

    /**
     * 16 kHz mono signed 16-bit PCM from one participant's stream, delivered by the audio tap only
     * while a feature that needs audio is active.
     */
    record AudioChunk(Instant at, ParticipantId speaker, short[] samples) implements CallEvent {
        public AudioChunk {
            Objects.requireNonNull(samples, "samples");
        }
    }

    /** The adapter's own connection state (connecting, connected, reconnecting, failed). */
    record ConnectionChanged(Instant at, ConnectionState state, String detail) implements CallEvent {}

    /** readyToClose: the meeting UI asked to be closed (after hangup). */
    record ReadyToClose(Instant at) implements CallEvent {}

    /** The meeting reported an error a person should see. */
    record Failed(Instant at, String code, String message) implements CallEvent {}

    /** Connection states an adapter reports. */
    enum ConnectionState {
        CONNECTING,
        CONNECTED,
        RECONNECTING,
        FAILED,
        CLOSED
    }
}
