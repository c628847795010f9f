package dev.candor.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The compose-help port: drafts chat messages from the call so far. Everything it returns is a
 * draft for the user to edit; sending is always the user's own act.
 */
public interface Composer extends AutoCloseable {

    /** How a draft should be rewritten. */
    enum Tone {
        SHORTER,
        MORE_FORMAL,
        FRIENDLIER
    }

    /** A recap of the last {@code window} of the call (up to the latest item) as one chat draft. */
    CompletableFuture<Draft> recap(List<MeetingItem> items, Duration window);

    /** The action items said so far, one chat draft each. */
    CompletableFuture<List<Draft>> actionItemDrafts(List<MeetingItem> items);

    /** Rewrites the user's own draft; needs a language-model engine. */
    CompletableFuture<Draft> rewrite(String draft, Tone tone);

    /** Suggests a reply to a chat message in the context of the call; needs a language-model engine. */
    CompletableFuture<Draft> suggestReply(List<MeetingItem> items, MeetingItem message);

    /** True when {@link #rewrite} and {@link #suggestReply} are available. */
    boolean canRewrite();

    @Override
    void close();
}
