package dev.candor.app;

import dev.candor.browser.BrowserRuntime;
import dev.candor.browser.BrowserView;
import dev.candor.browser.Origin;
import dev.candor.browser.PageSpec;
import dev.candor.call.CallSession;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.media.DesktopPicker;
import dev.candor.media.DesktopSources;
import dev.candor.media.ScreenShareGate;
import dev.candor.meeting.jitsi.JitsiHostPageServer;
import dev.candor.meeting.jitsi.JitsiMeetCallSession;
import dev.candor.meeting.jitsi.JitsiMeeting;
import dev.candor.meeting.localroom.LocalRoomCallSession;
import dev.candor.meeting.localroom.LocalRoomServer;
import dev.candor.ui.call.CallScreenFactory;
import dev.candor.ui.call.LiveCallScreen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;

/**
 * The real call screens: the meeting page (the Jitsi host page or the local room page) in the
 * embedded browser, bridged to a {@link CallSession}, with Candor's call controls around it. The
 * local room server and the Jitsi host page server start on first use, off the FX thread, and
 * stay up until the app stops.
 *
 * <p>Threads: {@link #open} on the FX thread; servers start on {@code background}.
 */
public final class BrowserCallScreens implements CallScreenFactory, AutoCloseable {
    private final BrowserRuntime browser;
    private final LocalRoomServer localRoom;
    private final String localRoomHost;
    private final int localRoomPort;
    private final JitsiHostPageServer jitsiHost;
    private final Executor background;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final ResourceBundle text;
    private final Duration joinTimeout;
    private final DesktopSources desktop;
    private final DesktopPicker picker;
    private boolean localRoomStarted;
    private boolean jitsiHostStarted;

    public BrowserCallScreens(
            BrowserRuntime browser,
            LocalRoomServer localRoom,
            String localRoomHost,
            int localRoomPort,
            JitsiHostPageServer jitsiHost,
            Executor background,
            ScheduledExecutorService timer,
            Clock clock,
            ResourceBundle text,
            Duration joinTimeout,
            DesktopSources desktop,
            DesktopPicker picker) {
        this.browser = browser;
        this.localRoom = localRoom;
        this.localRoomHost = localRoomHost;
        this.localRoomPort = localRoomPort;
        this.jitsiHost = jitsiHost;
        this.background = background;
        this.timer = timer;
        this.clock = clock;
        this.text = text;
        this.joinTimeout = joinTimeout;
        this.desktop = desktop;
        this.picker = picker;
    }

    @Override
    public CallScreen open(MeetingLink meeting, String displayName, Runnable leave) {
        return new LiveCallScreen(
                () -> connect(meeting, displayName), leave, text, Platform::runLater, javafx.util.Duration.seconds(2));
    }

    /** One connection attempt: page URL (servers started off the FX thread), then the page and session. */
    CompletableFuture<LiveCallScreen.Connection> connect(MeetingLink meeting, String displayName) {
        if (!browser.isSupported()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    MessageFormat.format(text.getString("call.browserUnavailable"), browser.failureMessage())));
        }
        return CompletableFuture.supplyAsync(() -> pageUrl(meeting, displayName), background)
                .thenComposeAsync(url -> open(url, meeting), Platform::runLater);
    }

    private URI pageUrl(MeetingLink meeting, String displayName) {
        try {
            if (meeting.server() instanceof MeetingServer.JitsiServer jitsi) {
                synchronized (this) {
                    if (!jitsiHostStarted) {
                        jitsiHost.start();
                        jitsiHostStarted = true;
                    }
                }
                return jitsiHost.url(new JitsiMeeting(jitsi.base(), meeting.room(), displayName));
            }
            startLocalRoom();
            return localRoom.url(meeting.room(), displayName);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private CompletableFuture<LiveCallScreen.Connection> open(URI url, MeetingLink meeting) {
        boolean local = meeting.server() instanceof MeetingServer.LocalRoom;
        BridgePageChannel channel = new BridgePageChannel();
        CallSession session = local
                ? new LocalRoomCallSession(channel, clock, timer, joinTimeout)
                : new JitsiMeetCallSession(channel, clock, timer, joinTimeout);
        PageSpec.Builder spec = channel.register(PageSpec.builder(url.toString()));
        // The meeting's own page is the only one that may ask for the screen (ScreenShareGate).
        String pageOrigin = Origin.parse(url.toString()).toString();
        PageScreenShare screenShare =
                new PageScreenShare(new ScreenShareGate(Set.of(pageOrigin), desktop, picker, background));
        screenShare.register(spec);
        if (meeting.server() instanceof MeetingServer.JitsiServer jitsi) {
            spec.allowNavigation(origin(jitsi.base()));
        }
        BrowserView view;
        try {
            view = browser.open(spec.build());
        } catch (RuntimeException e) {
            session.close();
            return CompletableFuture.failedFuture(e);
        }
        channel.attach(view.page());
        screenShare.attach(view.page());
        String shareLink = local ? localRoom.url(meeting.room()).toString() : meeting.url();
        return CompletableFuture.completedFuture(new LiveCallScreen.Connection(
                session,
                view,
                () -> {
                    screenShare.close();
                    view.close();
                },
                shareLink,
                screenShare));
    }

    /** The local room's page URL for people without Candor; starts the room server if needed. */
    public URI localRoomUrl(String room) throws IOException {
        startLocalRoom();
        return localRoom.url(room);
    }

    private synchronized void startLocalRoom() throws IOException {
        if (!localRoomStarted) {
            localRoom.start(localRoomHost, localRoomPort);
            localRoomStarted = true;
        }
    }

    private static String origin(URI base) {
        String port = base.getPort() < 0 ? "" : ":" + base.getPort();
        return base.getScheme() + "://" + base.getHost() + port;
    }

    @Override
    public void close() {
        localRoom.close();
        jitsiHost.close();
    }
}
