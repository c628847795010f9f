package dev.candor.consent;

import dev.candor.record.EntryDraft;
import java.util.concurrent.CompletionStage;

/**
 * Performs the switchboard's effects: the seam where the call adapter, the audio tap, the ledger,
 * the sharing outbox and the UI plug in. All methods are called on the call executor thread, in
 * the order the transition produced them; they must not block for long (hand work to the ledger's
 * writer thread or the adapter's own thread).
 */
public interface EffectPerformer {
    /**
     * Sends a notice's commands to the call ({@link Effect.SendNotice#commands()}: endpoint message
     * + chat) and says when the call adapter confirmed they went out: the returned stage completes
     * normally when they did (which activates the features the notice announces) and exceptionally
     * when they did not (they are turned off again). A performer whose adapter has no receipt
     * returns a completed stage once {@code CallSession.send} accepted both commands; throwing is
     * the same as failing.
     */
    CompletionStage<Void> sendNotice(Effect.SendNotice notice) throws Exception;

    /** Sends an objection or an objection answer ({@link Effect.SendMessage#commands()}). */
    void sendMessage(Effect.SendMessage message) throws Exception;

    /** Sets this client's display name in the meeting. */
    void setDisplayName(Effect.SetDisplayName name) throws Exception;

    /** Starts the audio tap (throwing turns the meeting summary off again). */
    void startAudioTap() throws Exception;

    /** Stops the audio tap. */
    void stopAudioTap() throws Exception;

    /** Appends an entry to the call's ledger (INPUT_COUNTS entries come here with their counts filled in). */
    void record(EntryDraft entry) throws Exception;

    /** Puts an item in the sharing outbox; its SHARE_QUEUED entry was recorded just before. */
    void enqueueShare(Effect.EnqueueShare share) throws Exception;

    /** A request was refused; tell the person who asked. */
    default void declined(Effect.Declined declined) {}

    /** An endpoint message was accepted or ignored. */
    default void received(Receipt receipt) {}

    /** The switchboard changed (after all effects of one event were performed); e.g. refresh the UI. */
    default void stateChanged(Switchboard state) {}
}
