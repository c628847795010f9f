package dev.candor.ui.join;

import dev.candor.call.LinkProblem;
import dev.candor.call.MeetingLink;
import dev.candor.call.MeetingServer;
import dev.candor.ui.settings.RecentMeeting;
import dev.candor.ui.settings.SettingsStore;
import java.time.Clock;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The join screen's state: server, room, display name, a field for a pasted link, the recent
 * meetings and whether Join is possible (with a message saying why not). Used on the FX thread;
 * saving goes through {@link SettingsStore}, which writes in the background.
 */
public final class JoinViewModel {
    private final SettingsStore settings;
    private final ResourceBundle text;
    private final Clock clock;

    private final StringProperty link = new SimpleStringProperty(this, "link", "");
    private final StringProperty serverAddress = new SimpleStringProperty(this, "serverAddress", "");
    private final BooleanProperty localRoom = new SimpleBooleanProperty(this, "localRoom", false);
    private final StringProperty room = new SimpleStringProperty(this, "room", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canJoin = new ReadOnlyBooleanWrapper(this, "canJoin", false);
    private final ObservableList<RecentMeeting> recentMeetings = FXCollections.observableArrayList();

    private LinkProblem linkProblem;
    private boolean filling;
    private String storedName;

    public JoinViewModel(SettingsStore settings, ResourceBundle text, Clock clock) {
        this.settings = settings;
        this.text = text;
        this.clock = clock;
        var current = settings.current();
        displayName.set(current.displayName());
        setServerText(current.server());
        recentMeetings.setAll(current.recentMeetings());
        link.addListener((obs, old, now) -> onLinkChanged(now));
        serverAddress.addListener((obs, old, now) -> onFieldEdited());
        localRoom.addListener((obs, old, now) -> onFieldEdited());
        room.addListener((obs, old, now) -> onFieldEdited());
        storedName = current.displayName();
        settings.onChange(s -> {
            recentMeetings.setAll(s.recentMeetings());
            // Follow the stored name only when it changed (e.g. in settings), not on other saves,
            // so a name typed here but not yet joined with is kept.
            if (!s.displayName().equals(storedName)) {
                storedName = s.displayName();
                displayName.set(storedName);
            }
        });
        validate();
    }

    /** Fills the fields from the command line or a launched link. */
    public void prefill(JoinPrefill prefill) {
        prefill.server().ifPresent(this::setServerText);
        prefill.room().ifPresent(room::set);
        prefill.displayName().ifPresent(displayName::set);
        validate();
    }

    private void setServerText(String server) {
        if (MeetingServer.LocalRoom.TEXT.equalsIgnoreCase(server)) {
            localRoom.set(true);
            if (serverAddress.get().isEmpty()) serverAddress.set(MeetingServer.MEET_JIT_SI.text());
        } else {
            localRoom.set(false);
            serverAddress.set(server);
        }
    }

    private void onLinkChanged(String now) {
        if (now == null || now.isBlank()) {
            linkProblem = null;
            validate();
            return;
        }
        try {
            MeetingLink parsed = MeetingLink.parse(now);
            filling = true;
            try {
                setServerText(parsed.server().text());
                room.set(parsed.room());
            } finally {
                filling = false;
            }
            linkProblem = null;
        } catch (MeetingLink.InvalidLinkException e) {
            linkProblem = e.problem();
        }
        validate();
    }

    private void onFieldEdited() {
        if (filling) return;
        validate();
    }

    /** The meeting the fields describe, if they describe one. */
    public Optional<MeetingLink> meeting() {
        try {
            return Optional.of(MeetingLink.of(serverText(), room.get()));
        } catch (MeetingLink.InvalidLinkException e) {
            return Optional.empty();
        }
    }

    private String serverText() {
        return localRoom.get() ? MeetingServer.LocalRoom.TEXT : serverAddress.get();
    }

    private void validate() {
        Optional<LinkProblem> problem = Optional.ofNullable(linkProblem);
        if (problem.isEmpty()) {
            try {
                MeetingLink.of(serverText(), room.get());
            } catch (MeetingLink.InvalidLinkException e) {
                problem = Optional.of(e.problem());
            }
        }
        message.set(problem.map(p -> text.getString("link." + p.name())).orElse(""));
        canJoin.set(problem.isEmpty());
    }

    /**
     * Joins if the fields allow it: remembers the display name, the server and the meeting
     * among the recent ones, and returns the meeting to open.
     */
    public Optional<MeetingLink> join() {
        if (!canJoin.get()) return Optional.empty();
        Optional<MeetingLink> meeting = meeting();
        meeting.ifPresent(m -> settings.update(s -> s.withDisplayName(displayName.get())
                .withServer(m.server().text())
                .withJoined(new RecentMeeting(m.server().text(), m.room(), clock.instant()))));
        return meeting;
    }

    /** Puts a recent meeting into the fields. */
    public void fill(RecentMeeting meeting) {
        link.set("");
        setServerText(meeting.server());
        room.set(meeting.room());
        validate();
    }

    /** Forgets a recent meeting. */
    public void remove(RecentMeeting meeting) {
        settings.update(s -> s.withoutRecent(meeting));
    }

    public StringProperty linkProperty() {
        return link;
    }

    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    public BooleanProperty localRoomProperty() {
        return localRoom;
    }

    public StringProperty roomProperty() {
        return room;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canJoinProperty() {
        return canJoin.getReadOnlyProperty();
    }

    public ObservableList<RecentMeeting> recentMeetings() {
        return FXCollections.unmodifiableObservableList(recentMeetings);
    }

    /** Why the settings file was set aside at start, in words for people, if it was. */
    public Optional<String> settingsProblem() {
        return settings.problem()
                .map(p -> java.text.MessageFormat.format(
                        text.getString("settings.problem." + p.kind().name()),
                        p.keptAs().toString()));
    }
}
