package dev.candor.consent;

import dev.candor.call.CallEvent;
import dev.candor.call.ParticipantId;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operates one call's {@link Switchboard}: owns its state on the call executor, applies events in
 * the order they were submitted, keeps the {@link InputGate} in step and hands every effect to an
 * {@link EffectPerformer}.
 *
 * <p>Threads: the operator starts one thread of its own, the call executor (named by the caller,
 * e.g. {@code candor-call-1}); every transition and every {@link EffectPerformer} call happens on
 * it, so the state needs no locks. The submit methods may be called from any thread (the FX thread,
 * CEF threads) and return at once. {@link #current()} and the gate may be read from any thread.
 *
 * <p>A notice counts as delivered when the stage {@link EffectPerformer#sendNotice} returns
 * completes normally. If it is already complete, the operator applies {@link
 * SwitchboardEvent.NoticeDelivered} right after the effects of the event that sent it, before any
 * later event; otherwise when the adapter completes it, in order with the other events.
 */
public final class SwitchboardOperator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardOperator.class);

    private final InputGate gate;
    private final EffectPerformer performer;
    private final Clock clock;
    private final ExecutorService callExecutor;
    private volatile Switchboard state;

    /**
     * An operator for a new call (every switch off) with its own call executor thread.
     *
     * @param threadName name of the call executor thread, for logs and thread dumps
     */
    public SwitchboardOperator(
            CallSettings settings, InputGate gate, EffectPerformer performer, Clock clock, String threadName) {
        this.state = Switchboard.newCall(Objects.requireNonNull(settings, "settings"));
        this.gate = Objects.requireNonNull(gate, "gate");
        this.performer = Objects.requireNonNull(performer, "performer");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(threadName, "threadName");
        this.callExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        gate.publish(state);
    }

    /** The gate of this call, for the audio tap, chat and transcript routes to the AI engines. */
    public InputGate gate() {
        return gate;
    }

    /** The latest state (after all effects of the last applied event). Any thread. */
    public Switchboard current() {
        return state;
    }

    /**
     * Takes a call event from the adapter's listener. Audio chunks are not consent events: they go
     * to the AI pipeline through {@link InputGate#admit}, so they are dropped here rather than
     * queued behind the executor.
     */
    public void accept(CallEvent event) {
        if (!(event instanceof CallEvent.AudioChunk)) {
            submit(new SwitchboardEvent.FromCall(event));
        }
    }

    public CompletableFuture<Switchboard> turnOn(Feature feature) {
        return submit(new SwitchboardEvent.TurnOn(clock.instant(), feature));
    }

    public CompletableFuture<Switchboard> turnOff(Feature feature) {
        return submit(new SwitchboardEvent.TurnOff(clock.instant(), feature));
    }

    public CompletableFuture<Switchboard> turnAllOff() {
        return submit(new SwitchboardEvent.TurnAllOff(clock.instant()));
    }

    public CompletableFuture<Switchboard> setDataSharing(boolean on) {
        return submit(new SwitchboardEvent.SetDataSharing(clock.instant(), on));
    }

    public CompletableFuture<Switchboard> answerObjection(ParticipantId from, ObjectionAnswer answer) {
        return submit(new SwitchboardEvent.AnswerObjection(clock.instant(), from, answer));
    }

    public CompletableFuture<Switchboard> raiseObjection(ParticipantId to) {
        return submit(new SwitchboardEvent.RaiseObjection(clock.instant(), to));
    }

    public CompletableFuture<Switchboard> offerShare(ShareItem item) {
        return submit(new SwitchboardEvent.OfferShare(clock.instant(), item));
    }

    /**
     * Queues an event; the future completes with the state after it (and any notice confirmations
     * it caused) was applied, on the call executor. Any thread.
     */
    public CompletableFuture<Switchboard> submit(SwitchboardEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            return CompletableFuture.supplyAsync(() -> applyNow(event), callExecutor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // After close(): the call is over; late adapter events must not throw on their thread.
            LOG.debug("Event after close ignored: {}", event.getClass().getSimpleName());
            return CompletableFuture.completedFuture(state);
        }
    }

    private Switchboard applyNow(SwitchboardEvent first) {
        Deque<SwitchboardEvent> queue = new ArrayDeque<>();
        queue.add(first);
        while (!queue.isEmpty()) {
            SwitchboardEvent event = queue.poll();
            Transition transition;
            try {
                transition = state.apply(event);
            } catch (RuntimeException e) {
                LOG.error("Switchboard could not apply {}", event.getClass().getSimpleName(), e);
                continue;
            }
            state = transition.state();
            gate.publish(state); // before any effect: "off" closes the gate first
            for (Effect effect : transition.effects()) {
                perform(effect, queue);
            }
            try {
                performer.stateChanged(state);
            } catch (RuntimeException e) {
                LOG.warn("State listener failed", e);
            }
        }
        return state;
    }

    private void perform(Effect effect, Deque<SwitchboardEvent> followUps) {
        try {
            // Java 17 has no pattern switch; Effect is sealed, and a test feeds every permitted type here.
            if (effect instanceof Effect.SendNotice n) {
                sendNotice(n, followUps);
            } else if (effect instanceof Effect.SendMessage m) {
                performer.sendMessage(m);
            } else if (effect instanceof Effect.SetDisplayName d) {
                performer.setDisplayName(d);
            } else if (effect instanceof Effect.StartAudioTap) {
                try {
                    performer.startAudioTap();
                } catch (Exception e) {
                    LOG.warn("Audio tap could not start; turning the meeting summary off", e);
                    followUps.add(new SwitchboardEvent.TurnOff(clock.instant(), Feature.SUMMARY));
                }
            } else if (effect instanceof Effect.StopAudioTap) {
                performer.stopAudioTap();
            } else if (effect instanceof Effect.Record r) {
                LOG.debug("Entry {}", r.entry().kind());
                performer.record(r.entry());
            } else if (effect instanceof Effect.RecordInputCounts c) {
                performer.record(gate.countsEntry(c.reason()));
            } else if (effect instanceof Effect.EnqueueShare s) {
                performer.enqueueShare(s);
            } else if (effect instanceof Effect.Received r) {
                if (r.receipt() instanceof Receipt.Ignored i) {
                    LOG.debug("Endpoint message from {} ignored: {} {}", i.from(), i.reason(), i.detail());
                }
                performer.received(r.receipt());
            } else if (effect instanceof Effect.Declined d) {
                LOG.info("Declined {}: {}", d.request().getClass().getSimpleName(), d.reason());
                performer.declined(d);
            } else {
                throw new IllegalStateException("unhandled effect " + effect.getClass());
            }
        } catch (Exception e) {
            LOG.error("Effect {} failed", effect.getClass().getSimpleName(), e);
        }
    }

    private void sendNotice(Effect.SendNotice notice, Deque<SwitchboardEvent> followUps) {
        CompletableFuture<Void> sent;
        try {
            sent = performer.sendNotice(notice).toCompletableFuture();
        } catch (Exception e) {
            sent = CompletableFuture.failedFuture(e);
        }
        if (sent.isDone()) {
            // Confirmed at once: apply it before any later event, so the feature starts as early as allowed.
            followUps.add(confirmation(notice.seq(), sent));
        } else {
            // Confirmed later by the adapter: back onto the call executor, in order with other events.
            sent.whenComplete((ok, error) -> submit(confirmation(notice.seq(), error)));
        }
    }

    private SwitchboardEvent confirmation(long seq, CompletableFuture<Void> done) {
        try {
            done.join();
            return confirmation(seq, (Throwable) null);
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return confirmation(seq, e.getCause() != null ? e.getCause() : e);
        }
    }

    private SwitchboardEvent confirmation(long seq, Throwable error) {
        if (error == null) {
            return new SwitchboardEvent.NoticeDelivered(clock.instant(), seq);
        }
        LOG.warn("Notice {} could not be sent", seq, error);
        return new SwitchboardEvent.NoticeFailed(clock.instant(), seq, String.valueOf(error));
    }

    /**
     * Ends the call if the adapter never reported leaving (everything off, CALL_ENDED recorded), then
     * stops the call executor after the events already submitted; waits up to five seconds.
     */
    @Override
    public void close() {
        if (!callExecutor.isShutdown()) {
            accept(new CallEvent.Left(clock.instant(), "closed"));
        }
        callExecutor.shutdown();
        try {
            if (!callExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                callExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            callExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
