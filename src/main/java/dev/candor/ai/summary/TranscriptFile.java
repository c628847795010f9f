package dev.candor.ai.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.MeetingItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a meeting transcript from a file, in one of three shapes:
 *
 * <ul>
 *   <li>Candor JSON: {@code {"items": [{"id": "s1", "kind": "speech"|"chat", "speaker": "Ana",
 *       "timeMs": 0, "text": "…"}]}} (or the array alone; {@code speakerName}/{@code startMs} of a
 *       transcript segment are accepted too);
 *   <li>QMSum JSON: {@code {"meeting_transcripts": [{"speaker": "…", "content": "…"}]}}, ids
 *       {@code t1, t2, …};
 *   <li>text, one {@code SPEAKER: line} per line, ids {@code L1, L2, …} (the line number).
 * </ul>
 *
 * A file that is none of these fails with a {@link TranscriptFormatException} that says why in one line.
 */
public final class TranscriptFile {
    private static final Pattern LINE = Pattern.compile("^\\s*([^:]{1,60}?)\\s*:\\s*(.+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptFile() {}

    /** The file's contents could not be read as a transcript; the message is for the user. */
    public static final class TranscriptFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public TranscriptFormatException(String message) {
            super(message);
        }
    }

    public static List<MeetingItem> read(Path file) throws TranscriptFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TranscriptFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new TranscriptFormatException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(file.getFileName().toString(), bytes);
    }

    public static List<MeetingItem> parse(String name, byte[] bytes) throws TranscriptFormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TranscriptFormatException(name + ": not a text file (binary data or not UTF-8)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new TranscriptFormatException(name + ": not a text file (binary data)");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).strip();
        }
        if (trimmed.isEmpty()) {
            throw new TranscriptFormatException(name + ": the file is empty");
        }
        List<MeetingItem> items =
                trimmed.startsWith("{") || trimmed.startsWith("[") ? json(name, trimmed) : lines(name, trimmed);
        if (items.isEmpty()) {
            throw new TranscriptFormatException(name + ": no transcript lines found");
        }
        return items;
    }

    private static List<MeetingItem> json(String name, String text) throws TranscriptFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new TranscriptFormatException(name + ": broken or truncated JSON" + where);
        }
        List<MeetingItem> out = new ArrayList<>();
        if (root.has("meeting_transcripts")) {
            int n = 0;
            for (JsonNode turn : root.get("meeting_transcripts")) {
                String content = turn.path("content").asText("");
                n++;
                if (!content.isBlank()) {
                    out.add(new MeetingItem(
                            "t" + n,
                            MeetingItem.Kind.SPEECH,
                            turn.path("speaker").asText(""),
                            n * 1000L,
                            content));
                }
            }
            return out;
        }
        JsonNode items = root.isArray() ? root : root.path("items");
        if (!items.isArray()) {
            throw new TranscriptFormatException(
                    name + ": unknown JSON shape (expected \"items\" or QMSum's \"meeting_transcripts\")");
        }
        Set<String> ids = new HashSet<>();
        int n = 0;
        for (JsonNode it : items) {
            n++;
            String textOf = it.path("text").asText("");
            if (textOf.isBlank()) {
                continue;
            }
            String id = it.path("id").asText("i" + n);
            if (!ids.add(id)) {
                throw new TranscriptFormatException(name + ": item id \"" + id + "\" is used twice");
            }
            String speaker = it.hasNonNull("speaker")
                    ? it.get("speaker").asText()
                    : it.path("speakerName").asText(it.path("speakerId").asText(""));
            long time = it.has("timeMs")
                    ? it.get("timeMs").asLong()
                    : it.path("startMs").asLong(n * 1000L);
            MeetingItem.Kind kind = "chat".equals(it.path("kind").asText("").toLowerCase(Locale.ROOT))
                    ? MeetingItem.Kind.CHAT
                    : MeetingItem.Kind.SPEECH;
            out.add(new MeetingItem(id, kind, speaker, time, textOf));
        }
        return out;
    }

    private static List<MeetingItem> lines(String name, String text) throws TranscriptFormatException {
        List<MeetingItem> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        int unknown = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                out.add(new MeetingItem(
                        "L" + (i + 1), MeetingItem.Kind.SPEECH, Words.displayName(m.group(1)), i * 1000L, m.group(2)));
            } else if (!out.isEmpty()) {
                unknown++;
            } else {
                throw new TranscriptFormatException(
                        name + ": unknown format at line " + (i + 1) + " (expected JSON or \"SPEAKER: text\" lines)");
            }
        }
        if (unknown > out.size()) {
            throw new TranscriptFormatException(name + ": most lines are not \"SPEAKER: text\"");
        }
        return out;
    }
}
