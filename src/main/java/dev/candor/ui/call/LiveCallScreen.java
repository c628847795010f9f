package dev.candor.ui.call;

import dev.candor.call.CallEvent;
import dev.candor.call.CallSession;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One meeting on the call screen, across connection attempts: it connects through a {@link
 * Connector} (the app's embedded browser with the Jitsi or local room page), shows the meeting
 * with Candor's own call controls around it, rejoins by itself after a dropped call (a few times,
 * a short pause apart), offers "Try again" and "Back" when a connection fails, and goes back to
 * the join screen when the call ends.
 *
 * <p>Threads: FX thread only; the connector may complete on any thread.
 */
public final class LiveCallScreen implements CallScreenFactory.CallScreen {
    /** Opens one connection to the meeting. Called on the FX thread; must not block. */
    public interface Connector {
        CompletableFuture<Connection> connect();
    }

    /**
     * One open connection: the session the call controls drive, the meeting's own view, and what
     * to close when the attempt ends (browser page, servers the attempt started).
     */
    public record Connection(
            CallSession session, Node meetingView, AutoCloseable resources, String shareLink, ScreenShare screenShare) {
        public Connection {
            Objects.requireNonNull(screenShare, "screenShare");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(meetingView, "meetingView");
            Objects.requireNonNull(resources, "resources");
            Objects.requireNonNull(shareLink, "shareLink");
        }

        /** A meeting without screen sharing. */
        public Connection(CallSession session, Node meetingView, AutoCloseable resources, String shareLink) {
            this(session, meetingView, resources, shareLink, ScreenShare.NONE);
        }
    }

    /** How many times a dropped call is rejoined without asking. */
    static final int AUTO_REJOINS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(LiveCallScreen.class);

    private final Connector connector;
    private final Runnable leave;
    private final ResourceBundle text;
    private final Executor ui;
    private final Duration rejoinPause;
    private final StackPane root = new StackPane();
    private final List<Consumer<CallEvent>> listeners = new CopyOnWriteArrayList<>();
    private Connection current;
    private CallViewModel model;
    private int autoRejoinsLeft = AUTO_REJOINS;
    private int attempt;
    private boolean closed;

    /**
     * @param leave returns to the join screen (the same as the call bar's Leave)
     * @param ui runs on the FX thread
     */
    public LiveCallScreen(Connector connector, Runnable leave, ResourceBundle text, Executor ui, Duration rejoinPause) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.leave = Objects.requireNonNull(leave, "leave");
        this.text = Objects.requireNonNull(text, "text");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.rejoinPause = Objects.requireNonNull(rejoinPause, "rejoinPause");
        root.setId("live-call");
        connect();
    }

    @Override
    public Node content() {
        return root;
    }

    /**
     * Also hands every call event of every attempt to {@code listener}, on the adapter's thread,
     * before the screen applies it (for the consent core and the AI features).
     */
    public void addCallListener(Consumer<CallEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Optional<String> shareLink() {
        return Optional.ofNullable(current).map(Connection::shareLink);
    }

    /** The current attempt's model, for tests and the AI switches; null between attempts. */
    public CallViewModel model() {
        return model;
    }

    private void connect() {
        int mine = ++attempt;
        root.getChildren().setAll(CallPanel.connecting(text));
        CompletableFuture<Connection> pending;
        try {
            pending = connector.connect();
        } catch (RuntimeException e) {
            pending = CompletableFuture.failedFuture(e);
        }
        pending.whenComplete((connection, error) -> ui.execute(() -> {
            if (closed || mine != attempt) {
                closeQuietly(connection);
                return;
            }
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                LOG.warn("Could not open the meeting", cause);
                root.getChildren().setAll(CallPanel.failed(text, message(cause), this::retry, leave));
                return;
            }
            attach(connection);
        }));
    }

    private static String message(Throwable cause) {
        String m = cause.getMessage();
        return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m;
    }

    private void attach(Connection connection) {
        current = connection;
        model = new CallViewModel(connection.session(), ui, event -> listeners.forEach(l -> l.accept(event)));
        CallViewModel m = model;
        m.attachScreenShare(connection.screenShare());
        m.phaseProperty().addListener((obs, old, phase) -> {
            if (m != model || closed) {
                return;
            }
            if (phase == CallViewModel.Phase.ENDED) {
                leave.run();
            } else if (phase == CallViewModel.Phase.FAILED
                    && m.joinedOnceProperty().get()
                    && autoRejoinsLeft > 0) {
                autoRejoinsLeft--;
                LOG.info("Call dropped; rejoining ({} tries left)", autoRejoinsLeft);
                PauseTransition pause = new PauseTransition(rejoinPause);
                pause.setOnFinished(e -> {
                    if (!closed && m == model) {
                        retry();
                    }
                });
                pause.play();
            }
        });
        root.getChildren().setAll(new CallPanel(m, connection.meetingView(), text, this::retry, leave));
    }

    /** Closes the current attempt and connects again. */
    public void retry() {
        if (closed) {
            return;
        }
        detach();
        connect();
    }

    private void detach() {
        if (model != null) {
            model.close();
            model = null;
        }
        Connection c = current;
        current = null;
        closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.session().close();
        } catch (RuntimeException e) {
            LOG.warn("Call session did not close cleanly", e);
        }
        try {
            c.resources().close();
        } catch (Exception e) {
            LOG.warn("Meeting view did not close cleanly", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        detach();
        root.getChildren().clear();
    }
}
