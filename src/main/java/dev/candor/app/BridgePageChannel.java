package dev.candor.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.browser.BridgeRequest;
import dev.candor.browser.BrowserPage;
import dev.candor.browser.PageSpec;
import dev.candor.meeting.PageChannel;
import dev.candor.meeting.PageMessage;
import java.util.List;
import java.util.function.Consumer;

/**
 * A meeting page's {@link PageChannel} over the embedded browser's bridge: the page's
 * {@code candorBridge.send} arrives as a registered bridge route, and Java's messages go to the
 * page through {@link BrowserPage#post}. Only the meeting protocol's own message types are
 * registered, so the page cannot send anything else.
 *
 * <p>Threads: messages from the page arrive on CEF's UI thread, one at a time, in page order.
 */
final class BridgePageChannel implements PageChannel {
    /** Page → Java message types of the meeting pages (see {@code PageCallSession}). */
    static final List<String> PAGE_EVENTS = List.of(
            "videoConferenceJoined",
            "videoConferenceLeft",
            "participantJoined",
            "participantLeft",
            "displayNameChange",
            "incomingMessage",
            "endpointTextMessageReceived",
            "dominantSpeakerChanged",
            "audioMuteStatusChanged",
            "videoMuteStatusChanged",
            "readyToClose",
            "errorOccurred",
            "loadFailed");

    private volatile Consumer<PageMessage> receiver = m -> {};
    private volatile BrowserPage page;

    /** Registers the meeting protocol's routes on a page being built. */
    PageSpec.Builder register(PageSpec.Builder spec) {
        for (String type : PAGE_EVENTS) {
            spec.on(type, PageMessage.VERSION, request -> {
                deliver(request);
                return null;
            });
        }
        return spec;
    }

    private void deliver(BridgeRequest request) {
        ObjectNode payload = request.payload() instanceof ObjectNode o ? o : PageMessage.newPayload();
        receiver.accept(new PageMessage(request.type(), payload));
    }

    /** Connects the channel to the opened page. */
    void attach(BrowserPage page) {
        this.page = page;
    }

    @Override
    public void send(PageMessage message) {
        BrowserPage p = page;
        if (p != null) {
            p.post(message.type(), PageMessage.VERSION, message.payload());
        }
    }

    @Override
    public void onMessage(Consumer<PageMessage> receiver) {
        this.receiver = receiver == null ? m -> {} : receiver;
    }
}
