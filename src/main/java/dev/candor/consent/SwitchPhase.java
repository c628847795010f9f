package dev.candor.consent;

/**
 * Where one switch stands. Turning a switch on is a request: it waits in {@link #NOTICE_PENDING}
 * until the call adapter confirms the notice went out, and only then is it {@link #ON}.
 */
public enum SwitchPhase {
    OFF,
    NOTICE_PENDING,
    ON;

    /** The name used in ledger entries. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
