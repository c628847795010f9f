package dev.candor.call;

import java.util.function.Consumer;

/**
 * The port every meeting backend realises (Jitsi, the local room). Events flow out to one
 * listener, in order; commands flow in. Implementations document on which thread they deliver
 * events; the consumer hands them to the call executor at once.
 */
public interface CallSession extends AutoCloseable {
    /** Sets the single consumer of this call's events; replaces any earlier one. */
    void onEvent(Consumer<CallEvent> listener);

    /** Performs a command; never blocks on the network. */
    void send(CallCommand command);

    /** Leaves the call, if still in it, and releases the adapter's resources. */
    @Override
    void close();
}
