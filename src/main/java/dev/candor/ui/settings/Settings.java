package dev.candor.ui.settings;

import dev.candor.call.MeetingServer;
import java.util.ArrayList;
import java.util.List;

/**
 * What Candor remembers between starts, stored as {@code settings.json} in the data dir (see
 * {@link SettingsStore}). Every field is honoured by the app; unknown fields are ignored, and a
 * file of another {@link #version} is never guessed at.
 */
public record Settings(
        int version,
        String displayName,
        String server,
        ThemeMode theme,
        List<RecentMeeting> recentMeetings,
        WindowBounds window) {

    /** The format this build reads and writes. */
    public static final int CURRENT_VERSION = 1;

    /** How many recent meetings are kept. */
    public static final int MAX_RECENT = 10;

    public Settings {
        displayName = displayName == null ? "" : displayName.strip();
        server = server == null || server.isBlank() ? MeetingServer.MEET_JIT_SI.text() : server.strip();
        theme = theme == null ? ThemeMode.SYSTEM : theme;
        List<RecentMeeting> recent = new ArrayList<>();
        if (recentMeetings != null) {
            for (RecentMeeting meeting : recentMeetings) {
                if (meeting != null && recent.size() < MAX_RECENT) recent.add(meeting);
            }
        }
        recentMeetings = List.copyOf(recent);
        window = window != null && window.plausible() ? window : null;
    }

    /** The settings of a fresh install. */
    public static Settings defaults() {
        return new Settings(CURRENT_VERSION, "", MeetingServer.MEET_JIT_SI.text(), ThemeMode.SYSTEM, List.of(), null);
    }

    public Settings withDisplayName(String name) {
        return new Settings(version, name, server, theme, recentMeetings, window);
    }

    public Settings withServer(String text) {
        return new Settings(version, displayName, text, theme, recentMeetings, window);
    }

    public Settings withTheme(ThemeMode mode) {
        return new Settings(version, displayName, server, mode, recentMeetings, window);
    }

    public Settings withRecentMeetings(List<RecentMeeting> meetings) {
        return new Settings(version, displayName, server, theme, meetings, window);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(version, displayName, server, theme, recentMeetings, bounds);
    }

    /** Puts a joined meeting first, dropping an older entry for the same meeting and the oldest beyond the limit. */
    public Settings withJoined(RecentMeeting meeting) {
        List<RecentMeeting> recent = new ArrayList<>();
        recent.add(meeting);
        for (RecentMeeting old : recentMeetings) {
            if (!old.sameMeeting(meeting.server(), meeting.room())) recent.add(old);
        }
        return withRecentMeetings(recent.subList(0, Math.min(MAX_RECENT, recent.size())));
    }

    /** Forgets one meeting. */
    public Settings withoutRecent(RecentMeeting meeting) {
        List<RecentMeeting> recent = new ArrayList<>(recentMeetings);
        recent.removeIf(old -> old.sameMeeting(meeting.server(), meeting.room()));
        return withRecentMeetings(recent);
    }
}
