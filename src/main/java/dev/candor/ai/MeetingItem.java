package dev.candor.ai;

import java.util.Objects;

/**
 * One thing said in a call that the summariser may use: a final transcript segment or a chat
 * message. The id is what summary items cite as their source, so it must be unique in the call.
 */
public record MeetingItem(String id, Kind kind, String speaker, long timeMs, String text) {
    /** Where the item came from. */
    public enum Kind {
        SPEECH,
        CHAT
    }

    public MeetingItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        speaker = speaker == null || speaker.isBlank() ? "Someone" : speaker.strip();
    }

    /** A spoken segment, attributed to the speaker's display name (or id when there is none). */
    public static MeetingItem of(TranscriptSegment segment) {
        String who = segment.speakerName() != null && !segment.speakerName().isBlank()
                ? segment.speakerName()
                : segment.speakerId();
        return new MeetingItem(segment.id(), Kind.SPEECH, who, segment.startMs(), segment.text());
    }

    /** A chat message sent in the call. */
    public static MeetingItem chat(String id, String sender, long timeMs, String text) {
        return new MeetingItem(id, Kind.CHAT, sender, timeMs, text);
    }
}
