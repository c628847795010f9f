package dev.candor.ui.call;

import dev.candor.call.CallCommand;
import dev.candor.call.CallEvent;
import dev.candor.call.CallSession;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of one connection to a meeting as the call screen shows it: who is there and who is
 * speaking, the chat, this person's mute state, and whether the call is connecting, live, or
 * failed. Commands go to the {@link CallSession}; events come back from it.
 *
 * <p>Threads: events arrive on the adapter's thread and are applied on {@code ui} (the FX thread
 * in the app); every property and list changes only there. Commands may be called on the FX
 * thread: the session never blocks.
 */
public final class CallViewModel implements AutoCloseable {
    /** Where the connection is. */
    public enum Phase {
        CONNECTING,
        IN_CALL,
        FAILED,
        ENDED
    }

    /** One person in the call, this person included. */
    public record Participant(ParticipantId id, String name, boolean speaking, boolean self) {}

    /** One chat message, shown as plain text. */
    public record ChatLine(Instant at, String from, String text, boolean privateMessage, boolean mine) {}

    /** Longest chat message sent from Candor (the local room's and Jitsi's own limits are similar). */
    public static final int MAX_CHAT_CHARS = 4000;

    private final CallSession session;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CONNECTING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper audioMuted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper videoMuted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper joinedOnce = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper sharingScreen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canShareScreen = new ReadOnlyBooleanWrapper(false);
    private ScreenShare screenShare = ScreenShare.NONE;
    private final ObservableList<Participant> participants = FXCollections.observableArrayList();
    private final ObservableList<ChatLine> chat = FXCollections.observableArrayList();
    private ParticipantId self;
    private String selfName = "";
    private volatile boolean closed;

    public CallViewModel(CallSession session, Executor ui) {
        this(session, ui, event -> {});
    }

    /**
     * @param others also receives every event, first and on the adapter's thread (the consent core
     *     and the AI features listen here); it must hand work off at once
     */
    public CallViewModel(CallSession session, Executor ui, Consumer<CallEvent> others) {
        this.session = Objects.requireNonNull(session, "session");
        this.ui = Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(others, "others");
        session.onEvent(event -> {
            if (!closed) {
                others.accept(event);
                ui.execute(() -> apply(event));
            }
        });
    }

    /** Sends a command to the meeting as it is (e.g. an endpoint message from the consent core). */
    public void send(CallCommand command) {
        session.send(command);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Why the call failed or ended, in words for the person; empty while all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty audioMutedProperty() {
        return audioMuted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty videoMutedProperty() {
        return videoMuted.getReadOnlyProperty();
    }

    /** True once this connection was in the call (a later failure is a dropped call). */
    public ReadOnlyBooleanProperty joinedOnceProperty() {
        return joinedOnce.getReadOnlyProperty();
    }

    /** Everyone in the call, this person first. */
    public ObservableList<Participant> participants() {
        return FXCollections.unmodifiableObservableList(participants);
    }

    public ObservableList<ChatLine> chat() {
        return FXCollections.unmodifiableObservableList(chat);
    }

    /**
     * Sends a chat message to everyone, or privately to {@code to}. Blank text is not sent; text
     * longer than {@link #MAX_CHAT_CHARS} is refused (false) so nothing is silently cut.
     */
    public boolean sendChat(String text, Optional<ParticipantId> to) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_CHAT_CHARS || phase.get() != Phase.IN_CALL) {
            return false;
        }
        Recipient recipient = to.<Recipient>map(Recipient::one).orElse(Recipient.EVERYONE);
        session.send(new CallCommand.SendChat(recipient, body));
        // Meetings do not echo a sender's own chat back, so the screen adds it.
        chat.add(new ChatLine(Instant.now(), selfName, body, to.isPresent(), true));
        return true;
    }

    public void toggleAudio() {
        session.send(new CallCommand.ToggleAudio());
    }

    public void toggleVideo() {
        session.send(new CallCommand.ToggleVideo());
    }

    /** Asks the meeting to hang up; the session reports the end. */
    /** Connects the meeting's screen sharing; the call bar then offers Share screen. */
    public void attachScreenShare(ScreenShare share) {
        screenShare = share;
        canShareScreen.set(share != ScreenShare.NONE);
        share.onSharingChanged(on -> ui.execute(() -> sharingScreen.set(on)));
    }

    /** True while this user shares a screen or window in the call. */
    public ReadOnlyBooleanProperty sharingScreenProperty() {
        return sharingScreen.getReadOnlyProperty();
    }

    /** True when the meeting can share a screen at all. */
    public ReadOnlyBooleanProperty canShareScreenProperty() {
        return canShareScreen.getReadOnlyProperty();
    }

    /** Share screen (opens Candor's picker through the meeting) or Stop sharing. */
    public void toggleScreenShare() {
        if (phase.get() == Phase.IN_CALL) {
            screenShare.toggle();
        }
    }

    public void hangUp() {
        session.send(new CallCommand.HangUp());
    }

    /** The name of a participant as last seen, for the chat's "to" picker. */
    public Optional<String> nameOf(ParticipantId id) {
        return participants.stream()
                .filter(p -> p.id().equals(id))
                .map(Participant::name)
                .findFirst();
    }

    void apply(CallEvent event) {
        // Java 17 has no pattern switch; the event kinds the screen ignores (endpoint messages are
        // for the consent core, audio for the AI engines) fall through.
        if (event instanceof CallEvent.Joined j) {
            self = j.self();
            selfName = j.displayName();
            participants.removeIf(Participant::self);
            participants.add(0, new Participant(j.self(), j.displayName(), false, true));
            joinedOnce.set(true);
            problem.set("");
            phase.set(Phase.IN_CALL);
        } else if (event instanceof CallEvent.Left || event instanceof CallEvent.ReadyToClose) {
            end();
        } else if (event instanceof CallEvent.ParticipantJoined p) {
            if (!p.id().equals(self)) {
                participants.removeIf(x -> x.id().equals(p.id()));
                participants.add(new Participant(p.id(), p.displayName(), false, false));
            }
        } else if (event instanceof CallEvent.ParticipantLeft p) {
            participants.removeIf(x -> x.id().equals(p.id()));
        } else if (event instanceof CallEvent.DisplayNameChanged d) {
            replace(d.id(), x -> new Participant(x.id(), d.displayName(), x.speaking(), x.self()));
            if (d.id().equals(self)) {
                selfName = d.displayName();
            }
        } else if (event instanceof CallEvent.ChatReceived c) {
            chat.add(new ChatLine(c.at(), nameOf(c.from()).orElse(c.fromName()), c.text(), c.privateMessage(), false));
        } else if (event instanceof CallEvent.DominantSpeakerChanged d) {
            for (int i = 0; i < participants.size(); i++) {
                Participant x = participants.get(i);
                boolean speaking = x.id().equals(d.id());
                if (x.speaking() != speaking) {
                    participants.set(i, new Participant(x.id(), x.name(), speaking, x.self()));
                }
            }
        } else if (event instanceof CallEvent.MuteChanged m) {
            audioMuted.set(m.audioMuted());
            videoMuted.set(m.videoMuted());
        } else if (event instanceof CallEvent.Failed f) {
            problem.set(f.message());
        } else if (event instanceof CallEvent.ConnectionChanged c) {
            switch (c.state()) {
                case FAILED -> {
                    if (problem.get().isEmpty()) {
                        problem.set(c.detail());
                    }
                    phase.set(Phase.FAILED);
                }
                case CLOSED -> end();
                case CONNECTING, RECONNECTING -> {
                    if (phase.get() != Phase.IN_CALL) {
                        phase.set(Phase.CONNECTING);
                    }
                }
                case CONNECTED -> {}
            }
        }
    }

    private void end() {
        if (phase.get() != Phase.FAILED) {
            phase.set(Phase.ENDED);
        }
    }

    private void replace(ParticipantId id, UnaryOperator<Participant> change) {
        for (int i = 0; i < participants.size(); i++) {
            if (participants.get(i).id().equals(id)) {
                participants.set(i, change.apply(participants.get(i)));
            }
        }
    }

    /** Stops applying events; the session itself is closed by whoever opened it. */
    @Override
    public void close() {
        closed = true;
    }
}
