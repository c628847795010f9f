/**
 * The consent core: the per-call AI switchboard ({@link dev.candor.consent.Switchboard}, a pure
 * state machine, run by a {@link dev.candor.consent.SwitchboardOperator} on the call executor), the
 * {@link dev.candor.consent.InputGate} every AI input passes, the notices participants receive
 * ({@link dev.candor.consent.NoticeCodec} for Candor clients, {@link dev.candor.consent.NoticeWording}
 * for people) and objections. Plain Java: no UI, browser, SQL or HTTP (see ARCHITECTURE.md,
 * promises 1–3).
 */
package dev.candor.consent;
