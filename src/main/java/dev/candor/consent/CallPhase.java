package dev.candor.consent;

/** Where this client is in the call: not yet joined, in it, or gone. Switches can only turn on IN_CALL. */
public enum CallPhase {
    WAITING,
    IN_CALL,
    ENDED
}
