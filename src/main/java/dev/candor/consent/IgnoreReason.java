package dev.candor.consent;

/** Why an incoming endpoint message changed nothing. Hostile input ends here, never in an exception. */
public enum IgnoreReason {
    /** Longer than {@link NoticeCodec#MAX_BYTES} bytes of UTF-8. */
    TOO_LARGE,
    /** Not well-formed JSON, or beyond the parser's depth/length limits. */
    NOT_JSON,
    /** JSON, but not a Candor message (another app's endpoint message). */
    NOT_CANDOR,
    /** A Candor message of a protocol version this client does not speak. */
    UNSUPPORTED_VERSION,
    /** A message type this version does not define. */
    UNKNOWN_TYPE,
    /** A missing, extra, wrongly typed or out-of-range field. */
    INVALID_FIELD,
    /** The sender's sequence number was already seen. */
    DUPLICATE,
    /** The sender's sequence number is lower than one already seen. */
    OUT_OF_ORDER,
    /** The meeting reported this client itself as the sender. */
    FROM_SELF,
    /** Not in a call (before joining or after leaving). */
    NOT_IN_CALL,
    /** An answer to an objection this client never raised, or a repeat objection still open. */
    UNEXPECTED
}
