package dev.candor.record;

/**
 * The kinds of entry in a call's ledger. Every switch, notice, objection, processed input, AI
 * output and shared item is one of these (promise 4 of ARCHITECTURE.md).
 */
public enum EntryKind {
    CALL_STARTED,
    CALL_ENDED,
    PARTICIPANT_JOINED,
    PARTICIPANT_LEFT,
    SWITCH_CHANGED,
    NOTICE_SENT,
    NOTICE_RECEIVED,
    OBJECTION_RECEIVED,
    OBJECTION_ANSWERED,
    INPUT_COUNTS,
    TRANSCRIPT_SEGMENT,
    AI_OUTPUT,
    SHARE_QUEUED,
    SHARE_SENT,
    SHARE_FAILED,
    CONTENT_DELETED
}
