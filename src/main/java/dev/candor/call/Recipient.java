package dev.candor.call;

/** Who a chat or endpoint message is addressed to: everyone in the call, or one participant. */
public sealed interface Recipient {
    /** Every participant (the IFrame API addresses this with an empty recipient id). */
    record Everyone() implements Recipient {}

    /** One participant, privately. */
    record One(ParticipantId id) implements Recipient {}

    Recipient EVERYONE = new Everyone();

    static Recipient one(ParticipantId id) {
        return new One(id);
    }
}
