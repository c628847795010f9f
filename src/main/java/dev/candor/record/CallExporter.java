package dev.candor.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exports one call's record as JSON (schema {@value #SCHEMA_VERSION}, documented in
 * {@code docs/call-record-export.md}) for machines and re-verification, or as Markdown for people:
 * switches, notices, what was processed, what was shared where and when, deletions, and the check
 * of the chain. Runs on the caller's thread (never the JavaFX Application Thread): it reads the
 * history and verifies the ledger.
 */
public final class CallExporter {
    /** Version of the JSON export's schema; raised on any incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CallHistory history;
    private final Ledger ledger;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /**
     * @param zone the time zone Markdown shows times in (JSON always uses UTC instants)
     */
    public CallExporter(CallHistory history, Ledger ledger, Clock clock, ZoneId zone) {
        this.history = history;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
    }

    /** Writes the JSON export of {@code call} to {@code out} (UTF-8; {@code out} is left open). */
    public void writeJson(CallId call, OutputStream out) throws IOException {
        json.writeValue(out, jsonTree(call));
    }

    /** The JSON export of {@code call} as text. */
    public String json(CallId call) {
        try {
            return json.writeValueAsString(jsonTree(call));
        } catch (IOException e) {
            throw new LedgerException("Candor could not export the call record.", e);
        }
    }

    private Map<String, Object> jsonTree(CallId id) {
        CallSummary call =
                history.call(id).orElseThrow(() -> new LedgerException("There is no call " + id + " to export."));
        List<LedgerEntry> timeline = history.timeline(id);
        VerifyReport report = ledger.verify();

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("exportedAt", clock.instant().toString());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id.value());
        c.put("server", call.info().server());
        c.put("room", call.info().room());
        c.put("displayName", call.info().displayName());
        c.put("startedAt", call.startedAt().toString());
        c.put("endedAt", call.endedAt().map(Instant::toString).orElse(null));
        root.put("call", c);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("entries", call.entries());
        counts.put("switchChanges", call.switchChanges());
        counts.put("noticesSent", call.noticesSent());
        counts.put("objections", call.objections());
        counts.put("transcriptSegments", call.transcriptSegments());
        counts.put("aiOutputs", call.aiOutputs());
        counts.put("sharedItems", call.sharedItems());
        counts.put("contentEntries", call.contentEntries());
        counts.put("contentKept", call.contentKept());
        root.put("counts", counts);
        root.put("verification", verification(report, id));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (LedgerEntry e : timeline) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.seq());
            m.put("callSeq", e.callSeq());
            m.put("at", e.at().toString());
            m.put("kind", e.kind().name());
            m.put("fields", e.fields());
            m.put("content", e.content().orElse(null));
            m.put("contentDeleted", e.contentDeleted());
            m.put("hash", e.hash());
            m.put("prev", e.prev());
            m.put("prevInCall", e.prevInCall());
            m.put("body", e.body());
            entries.add(m);
        }
        root.put("entries", entries);
        List<Map<String, Object>> shared = new ArrayList<>();
        for (SharedItem s : history.sharedItems(id)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item", s.item());
            m.put("what", s.what());
            m.put("destination", s.destination());
            m.put("bytes", s.bytes());
            m.put("payloadHash", s.payloadHash());
            m.put("status", s.status().name());
            m.put("queuedAt", s.queuedAt().toString());
            m.put("statusAt", s.statusAt().toString());
            m.put("error", s.error().orElse(null));
            m.put("copyKept", s.copyKept());
            shared.add(m);
        }
        root.put("sharedItems", shared);
        return root;
    }

    private static Map<String, Object> verification(VerifyReport report, CallId id) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("algorithm", "SHA-256");
        v.put("canonicalForm", "JSON, keys sorted by UTF-16 code units, no whitespace, UTF-8");
        v.put("ledgerVerified", report.ok());
        v.put("entriesChecked", report.entriesChecked());
        v.put("ledgerHeadHash", report.headHash());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (VerifyReport.Problem p : report.problems()) {
            if (p.callId().isEmpty() || p.callId().get().equals(id)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seq", p.seq());
                m.put("description", p.description());
                problems.add(m);
            }
        }
        v.put("problems", problems);
        return v;
    }

    /** A readable Markdown account of {@code call}. */
    public String markdown(CallId id) {
        CallSummary call =
                history.call(id).orElseThrow(() -> new LedgerException("There is no call " + id + " to export."));
        List<LedgerEntry> timeline = history.timeline(id);
        VerifyReport report = ledger.verify();
        StringBuilder md = new StringBuilder();
        md.append("# Call record: ")
                .append(inline(call.info().room()))
                .append(" on ")
                .append(inline(call.info().server()))
                .append("\n\n");
        md.append("- Joined as: ").append(inline(call.info().displayName())).append('\n');
        md.append("- Started: ").append(dayTime(call.startedAt())).append('\n');
        md.append("- Ended: ")
                .append(call.endedAt().map(this::dayTime).orElse("not recorded (still running, or Candor stopped)"))
                .append('\n');
        long callProblems = report.problems().stream()
                .filter(p -> p.callId().isEmpty() || p.callId().get().equals(id))
                .count();
        md.append("- Record check: ")
                .append(
                        report.ok()
                                ? "the record is intact (" + report.entriesChecked()
                                        + " entries checked, SHA-256 chain)"
                                : "PROBLEMS FOUND (" + report.problems().size() + " in the whole record, "
                                        + callProblems + " in this call)")
                .append('\n');
        md.append("- Exported: ").append(dayTime(clock.instant())).append("\n\n");

        md.append("## AI switches\n\n");
        List<LedgerEntry> switches = ofKind(timeline, EntryKind.SWITCH_CHANGED);
        if (switches.isEmpty()) {
            md.append("No AI feature was switched on during this call.\n\n");
        } else {
            md.append("| Time | Switch | Now | Why |\n|---|---|---|---|\n");
            for (LedgerEntry e : switches) {
                row(
                        md,
                        time(e.at()),
                        e.text(EntryFields.SWITCH).orElse("?"),
                        Boolean.TRUE.equals(e.fields().get(EntryFields.ON)) ? "on" : "off",
                        e.text(EntryFields.REASON).orElse(""));
            }
            md.append('\n');
        }

        md.append("## Notices\n\n");
        List<LedgerEntry> notices = timeline.stream()
                .filter(e -> e.kind() == EntryKind.NOTICE_SENT
                        || e.kind() == EntryKind.NOTICE_RECEIVED
                        || e.kind() == EntryKind.OBJECTION_RECEIVED
                        || e.kind() == EntryKind.OBJECTION_ANSWERED)
                .toList();
        if (notices.isEmpty()) {
            md.append("No notice was sent or received.\n\n");
        } else {
            md.append("| Time | What | Channel | Who | Text |\n|---|---|---|---|---|\n");
            for (LedgerEntry e : notices) {
                String what =
                        switch (e.kind()) {
                            case NOTICE_SENT -> "sent";
                            case NOTICE_RECEIVED -> "received";
                            case OBJECTION_RECEIVED -> "objection";
                            default -> "answer to objection";
                        };
                String who = e.kind() == EntryKind.NOTICE_SENT
                        ? recipients(e.fields().get(EntryFields.RECIPIENTS))
                        : e.text(EntryFields.FROM)
                                .or(() -> e.text(EntryFields.TO))
                                .orElse("");
                row(
                        md,
                        time(e.at()),
                        what,
                        e.text(EntryFields.CHANNEL).orElse(""),
                        who,
                        e.text(EntryFields.TEXT).orElse(""));
            }
            md.append('\n');
        }

        md.append("## What was processed\n\n");
        Map<String, LedgerEntry> latestCounts = new LinkedHashMap<>();
        for (LedgerEntry e : ofKind(timeline, EntryKind.INPUT_COUNTS)) {
            latestCounts.put(e.text(EntryFields.INPUT).orElse("input"), e);
        }
        if (latestCounts.isEmpty()) {
            md.append("- No input reached an AI feature.\n");
        }
        for (Map.Entry<String, LedgerEntry> e : latestCounts.entrySet()) {
            md.append("- ")
                    .append(inline(e.getKey()))
                    .append(": ")
                    .append(e.getValue().number(EntryFields.ADMITTED).orElse(0L))
                    .append(" admitted, ")
                    .append(e.getValue().number(EntryFields.REFUSED).orElse(0L))
                    .append(" refused\n");
        }
        List<LedgerEntry> segments = ofKind(timeline, EntryKind.TRANSCRIPT_SEGMENT);
        long keptSegments =
                segments.stream().filter(e -> e.content().isPresent()).count();
        md.append("- Transcript: ")
                .append(segments.size())
                .append(" segment(s)")
                .append(segments.size() > keptSegments ? ", " + (segments.size() - keptSegments) + " deleted" : "")
                .append("\n\n");
        for (LedgerEntry e : ofKind(timeline, EntryKind.AI_OUTPUT)) {
            md.append("### ")
                    .append(inline(e.text(EntryFields.FEATURE).orElse("AI output")))
                    .append(" at ")
                    .append(time(e.at()))
                    .append("\n\nMade by ")
                    .append(inline(e.text(EntryFields.ENGINE).orElse("?")))
                    .append(" (model ")
                    .append(inline(e.text(EntryFields.MODEL).orElse("?")))
                    .append(").\n\n");
            md.append(e.content().map(CallExporter::quote).orElse("_(content deleted)_"))
                    .append("\n\n");
        }

        md.append("## What was shared\n\n");
        List<SharedItem> shared = history.sharedItems(id);
        if (shared.isEmpty()) {
            md.append("Nothing left this device.\n\n");
        } else {
            md.append("| Time | What | Destination | Bytes | SHA-256 | Status |\n|---|---|---|---|---|---|\n");
            for (SharedItem s : shared) {
                row(
                        md,
                        time(s.queuedAt()),
                        s.what(),
                        s.destination(),
                        Long.toString(s.bytes()),
                        s.payloadHash(),
                        s.status().name().toLowerCase(java.util.Locale.ROOT)
                                + s.error().map(err -> " (" + err + ")").orElse(""));
            }
            md.append('\n');
        }

        List<LedgerEntry> deletions = ofKind(timeline, EntryKind.CONTENT_DELETED);
        if (!deletions.isEmpty()) {
            md.append("## Deletions\n\n");
            for (LedgerEntry e : deletions) {
                md.append("- ")
                        .append(dayTime(e.at()))
                        .append(": content of ")
                        .append(e.number(EntryFields.ENTRIES).orElse(0L))
                        .append(" entr(y/ies) deleted (")
                        .append(e.number(EntryFields.BYTES).orElse(0L))
                        .append(" bytes), reason: ")
                        .append(inline(e.text(EntryFields.REASON).orElse("")))
                        .append('\n');
            }
            md.append('\n');
        }

        md.append("## Timeline\n\n");
        for (LedgerEntry e : timeline) {
            md.append("1. `")
                    .append(time(e.at()))
                    .append("` ")
                    .append(e.kind().name())
                    .append(" — ")
                    .append(inline(describe(e)))
                    .append(" (#")
                    .append(e.seq())
                    .append(")\n");
        }
        return md.toString();
    }

    private static String describe(LedgerEntry e) {
        Map<String, Object> shown = new LinkedHashMap<>(e.fields());
        shown.remove(EntryFields.CONTENT_HASH);
        if (e.hasContent()) {
            shown.put(EntryFields.CONTENT, e.content().isPresent() ? "kept" : "deleted");
        }
        StringBuilder sb = new StringBuilder();
        shown.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k).append(": ").append(v);
        });
        return sb.toString();
    }

    private static List<LedgerEntry> ofKind(List<LedgerEntry> timeline, EntryKind kind) {
        return timeline.stream().filter(e -> e.kind() == kind).toList();
    }

    private static String recipients(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty()
                    ? ""
                    : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return Optional.ofNullable(value).map(String::valueOf).orElse("");
    }

    private String dayTime(Instant at) {
        return DAY_TIME.format(at.atZone(zone));
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(inline(cell).replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }

    /** One line of text from the record, which may come from other participants: no line breaks, no HTML. */
    private static String inline(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append("> ")
                    .append(line.replace("<", "&lt;").replace(">", "&gt;"))
                    .append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
