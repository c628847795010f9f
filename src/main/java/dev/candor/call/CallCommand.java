package dev.candor.call;

/**
 * What the core or the UI asks a meeting adapter to do. Names follow the Jitsi IFrame API commands
 * they mirror (sendChatMessage, sendEndpointTextMessage, displayName, toggleAudio, toggleVideo,
 * hangup).
 */
public sealed interface CallCommand {
    record SendChat(Recipient to, String text) implements CallCommand {}

    record SendEndpointMessage(Recipient to, String text) implements CallCommand {}

    record SetDisplayName(String displayName) implements CallCommand {}

    record ToggleAudio() implements CallCommand {}

    record ToggleVideo() implements CallCommand {}

    record HangUp() implements CallCommand {}
}
