package dev.candor.browser;

/**
 * Answers one bridge message type from a page. Runs on CEF's UI thread: hand work to the call's
 * executor and return quickly. The return value is the reply the page's promise resolves with:
 * {@code null}, any value Jackson can write, or a {@link java.util.concurrent.CompletionStage} of
 * one. Throwing {@link BridgeException} (or anything else) rejects the page's promise; it never
 * reaches CEF.
 */
@FunctionalInterface
public interface BridgeHandler {
    Object handle(BridgeRequest request) throws Exception;
}
