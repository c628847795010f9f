package dev.candor.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field names each {@link EntryKind} carries, and drafts built with them, so the core, the
 * ledger, the review screen and the export agree on one vocabulary. A draft may carry deletable
 * content (transcript text, AI output, a copy of a shared payload) in {@link #CONTENT}: the ledger
 * stores it apart from the chain and chains only its hash, so deleting it keeps the chain intact.
 */
public final class EntryFields {
    /** Draft only: deletable text; the ledger moves it out of the chained fields. */
    public static final String CONTENT = "content";
    /** Chained: SHA-256 (hex) of the UTF-8 content, set by the ledger. */
    public static final String CONTENT_HASH = "contentHash";
    /** Chained: length of the UTF-8 content in bytes, set by the ledger. */
    public static final String CONTENT_BYTES = "contentBytes";

    public static final String SERVER = "server";
    public static final String ROOM = "room";
    public static final String DISPLAY_NAME = "displayName";
    public static final String REASON = "reason";
    public static final String PARTICIPANT = "participant";
    public static final String NAME = "name";
    public static final String SWITCH = "switch";
    public static final String ON = "on";
    public static final String CHANNEL = "channel";
    public static final String TEXT = "text";
    public static final String RECIPIENTS = "recipients";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String INPUT = "input";
    public static final String ADMITTED = "admitted";
    public static final String REFUSED = "refused";
    public static final String SEGMENT_ID = "segmentId";
    public static final String SPEAKER_ID = "speakerId";
    public static final String SPEAKER_NAME = "speakerName";
    public static final String START_MS = "startMs";
    public static final String END_MS = "endMs";
    public static final String FEATURE = "feature";
    public static final String ENGINE = "engine";
    public static final String MODEL = "model";
    public static final String ITEM = "item";
    public static final String WHAT = "what";
    public static final String DESTINATION = "destination";
    public static final String BYTES = "bytes";
    public static final String PAYLOAD_HASH = "payloadHash";
    public static final String ERROR = "error";
    public static final String ENTRIES = "entries";
    public static final String UP_TO_CALL_SEQ = "upToCallSeq";

    private EntryFields() {}

    /** A feature or the data-sharing switch changed ({@code switchName}: SUMMARY, COMPOSE, DATA_SHARING). */
    public static EntryDraft switchChanged(String switchName, boolean on, String reason) {
        return draft(EntryKind.SWITCH_CHANGED, SWITCH, switchName, ON, on, REASON, reason);
    }

    /** A notice went out on {@code channel} (e.g. CHAT_ALL, CHAT_PRIVATE, ENDPOINT, DISPLAY_NAME). */
    public static EntryDraft noticeSent(String channel, String text, List<String> recipients) {
        return draft(EntryKind.NOTICE_SENT, CHANNEL, channel, TEXT, text, RECIPIENTS, List.copyOf(recipients));
    }

    /** A notice arrived from another participant (attributed by participant id, never by a name). */
    public static EntryDraft noticeReceived(String fromParticipant, String text) {
        return draft(EntryKind.NOTICE_RECEIVED, FROM, fromParticipant, TEXT, text);
    }

    /** A participant objected to AI processing. */
    public static EntryDraft objectionReceived(String fromParticipant, String text) {
        return draft(EntryKind.OBJECTION_RECEIVED, FROM, fromParticipant, TEXT, text);
    }

    /** How many inputs of one kind ({@code audio}, {@code chat}) the gate admitted and refused so far. */
    public static EntryDraft inputCounts(String input, long admitted, long refused) {
        return draft(EntryKind.INPUT_COUNTS, INPUT, input, ADMITTED, admitted, REFUSED, refused);
    }

    /** A final transcript segment; its text is deletable content. */
    public static EntryDraft transcriptSegment(
            String segmentId, String speakerId, String speakerName, long startMs, long endMs, String text) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(SEGMENT_ID, segmentId);
        f.put(SPEAKER_ID, speakerId);
        f.put(SPEAKER_NAME, speakerName);
        f.put(START_MS, startMs);
        f.put(END_MS, endMs);
        f.put(CONTENT, text);
        return new EntryDraft(EntryKind.TRANSCRIPT_SEGMENT, f);
    }

    /** An AI output (summary, compose suggestion) with the engine and model that made it; its text is deletable. */
    public static EntryDraft aiOutput(String feature, String engine, String model, String text) {
        return draft(EntryKind.AI_OUTPUT, FEATURE, feature, ENGINE, engine, MODEL, model, CONTENT, text);
    }

    /**
     * An item is about to leave the device (written before it is sent, promise 3). {@code payloadCopy}
     * is the deletable copy of what is sent; {@code payloadHash} the SHA-256 of the bytes sent.
     */
    public static EntryDraft shareQueued(
            String item, String what, String destination, long bytes, String payloadHash, String payloadCopy) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(ITEM, item);
        f.put(WHAT, what);
        f.put(DESTINATION, destination);
        f.put(BYTES, bytes);
        f.put(PAYLOAD_HASH, payloadHash);
        f.put(CONTENT, payloadCopy);
        return new EntryDraft(EntryKind.SHARE_QUEUED, f);
    }

    /** The destination confirmed receipt of a queued item. */
    public static EntryDraft shareSent(String item, String destination) {
        return draft(EntryKind.SHARE_SENT, ITEM, item, DESTINATION, destination);
    }

    /** Sending a queued item failed for good. */
    public static EntryDraft shareFailed(String item, String destination, String error) {
        return draft(EntryKind.SHARE_FAILED, ITEM, item, DESTINATION, destination, ERROR, error);
    }

    private static EntryDraft draft(EntryKind kind, Object... keyValues) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                f.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new EntryDraft(kind, f);
    }
}
