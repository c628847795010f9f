package dev.candor.meeting;

import java.util.function.Consumer;

/**
 * The transport between a meeting page and its Java adapter: typed JSON messages both ways. In
 * Candor it is the JCEF bridge ({@code window.candorBridge} in the page); tests provide their own.
 * Implementations deliver received messages in page order on one thread at a time.
 */
public interface PageChannel {
    /** Sends a message to the page; never blocks on the page. */
    void send(PageMessage message);

    /** Sets the single receiver of messages from the page; replaces any earlier one. */
    void onMessage(Consumer<PageMessage> receiver);
}
