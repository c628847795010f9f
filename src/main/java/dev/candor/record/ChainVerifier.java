package dev.candor.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the hash chain as stored rows stream past in global sequence order: each row's hash over
 * its canonical body, the body's agreement with the row's columns, the global and per-call links,
 * gap-free numbering, kept content against its chained hash, deleted content against a tombstone,
 * and finally the recorded head (so removing the last entries is caught too). Storage-neutral: the
 * SQLite adapter feeds it rows. Not thread-safe; one verification per instance.
 */
public final class ChainVerifier {
    private static final int MAX_PROBLEMS = 1000;

    /** One stored entry as read back: the columns beside the body, the body, and its content if kept. */
    public record Row(
            long seq,
            String callId,
            long callSeq,
            String kind,
            long atMillis,
            String body,
            String hash,
            String content) {}

    private static final JsonFactory JSON = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest = sha256();
    private final List<VerifyReport.Problem> problems = new ArrayList<>();
    private final Map<String, CallLink> calls = new HashMap<>();
    private final Map<String, CallRecord> chainedCalls = new HashMap<>();
    private final Map<String, Long> firstSeqOfCall = new HashMap<>();
    private long lastSeq;
    private String lastHash = CanonicalJson.ZERO_HASH;
    private long checked;

    /** What the chain says about a call: from its CALL_STARTED and first CALL_ENDED entries. */
    private static final class CallRecord {
        long startSeq;
        long startedAt;
        String server;
        String room;
        String displayName;
        long endSeq = -1;
        long endedAt;
        boolean listed;
    }

    private static final class CallLink {
        long callSeq = -1;
        String hash = CanonicalJson.ZERO_HASH;
        final List<Long> missingContent = new ArrayList<>();
        final List<Long> missingContentSeq = new ArrayList<>();
    }

    /** Checks the next row; rows must come in ascending {@code seq} order. */
    public void accept(Row row) {
        checked++;
        firstSeqOfCall.putIfAbsent(row.callId(), row.seq());
        Optional<CallId> callId = callIdOf(row.callId());
        if (row.seq() != lastSeq + 1) {
            problem(
                    row.seq(),
                    callId,
                    row.seq() > lastSeq + 1
                            ? "entries " + (lastSeq + 1) + ".." + (row.seq() - 1) + " before it are missing (removed)"
                            : "is out of order (follows entry " + lastSeq + ")");
        }
        String actualHash = hex(digest.digest(row.body().getBytes(StandardCharsets.UTF_8)));
        if (!actualHash.equals(row.hash())) {
            problem(row.seq(), callId, "was edited: its contents no longer match its hash");
        }
        Body body;
        try {
            body = Body.parse(row.body());
        } catch (IOException e) {
            problem(row.seq(), callId, "is not readable JSON");
            advance(row.seq(), row.hash());
            return;
        }
        if (!agrees(body, row)) {
            problem(row.seq(), callId, "was moved or edited: its stored columns disagree with its chained contents");
        }
        if (!lastHash.equals(body.prev)) {
            problem(
                    row.seq(),
                    callId,
                    "does not link to the entry before it: an entry was removed, inserted or reordered before it");
        }
        CallLink link = calls.computeIfAbsent(String.valueOf(body.call), k -> new CallLink());
        long chainedCallSeq = body.callSeq;
        if (chainedCallSeq != link.callSeq + 1 || !link.hash.equals(body.prevInCall)) {
            problem(row.seq(), callId, "breaks its call's chain: an entry of this call was removed or reordered");
        }
        link.callSeq = chainedCallSeq;
        link.hash = row.hash();
        checkContent(row, callId, body, link);
        if (EntryKind.CALL_STARTED.name().equals(body.kind)) {
            CallRecord call = new CallRecord();
            call.startSeq = row.seq();
            call.startedAt = body.at;
            call.server = body.server;
            call.room = body.room;
            call.displayName = body.displayName;
            chainedCalls.putIfAbsent(row.callId(), call);
        } else if (EntryKind.CALL_ENDED.name().equals(body.kind)) {
            CallRecord call = chainedCalls.get(row.callId());
            if (call != null && call.endSeq < 0) {
                call.endSeq = row.seq();
                call.endedAt = body.at;
            }
        }
        advance(row.seq(), row.hash());
    }

    /**
     * Checks one row of the call list (what the history screen shows) against the chain: a call
     * must have a chained start, and its server, room, name, start and end must be the chained ones.
     * Call after all entry rows.
     *
     * @param endedAt the listed end, or null if none
     */
    public void checkCall(String id, String server, String room, String displayName, long startedAt, Long endedAt) {
        Optional<CallId> callId = callIdOf(id);
        CallRecord call = chainedCalls.get(id);
        if (call != null) {
            call.listed = true;
        }
        if (callId.isPresent() && problems.stream().anyMatch(p -> p.callId().equals(callId))) {
            return; // the chain of this call is already broken; the list check would only echo it
        }
        if (call == null) {
            // Reported at the call's first stored entry if it has one (its start was edited), else at 0.
            problem(
                    firstSeqOfCall.getOrDefault(id, 0L),
                    callId,
                    "(call list) lists call " + id
                            + " that has no start in the chain (added or edited outside Candor)");
            return;
        }
        if (!Objects.equals(server, call.server)
                || !Objects.equals(room, call.room)
                || !Objects.equals(displayName, call.displayName)
                || startedAt != call.startedAt) {
            problem(
                    call.startSeq,
                    callId,
                    "is contradicted by the call list: its server, room, name or start time was changed there");
        }
        boolean endAgrees = call.endSeq < 0 ? endedAt == null : endedAt != null && endedAt == call.endedAt;
        if (!endAgrees) {
            problem(
                    call.endSeq < 0 ? call.startSeq : call.endSeq,
                    callId,
                    "is contradicted by the call list: the call's end time was changed there");
        }
    }

    private void checkContent(Row row, Optional<CallId> callId, Body body, CallLink link) {
        String contentHash = body.contentHash;
        if (contentHash != null) {
            if (row.content() == null) {
                link.missingContent.add(link.callSeq);
                link.missingContentSeq.add(row.seq());
            } else if (!contentHash.equals(hex(digest.digest(row.content().getBytes(StandardCharsets.UTF_8))))) {
                problem(row.seq(), callId, "has content that was edited: it no longer matches its chained hash");
            }
        } else if (row.content() != null) {
            problem(row.seq(), callId, "has content attached that was never chained");
        }
        if (EntryKind.CONTENT_DELETED.name().equals(body.kind) && body.upToCallSeq >= 0) {
            for (int i = link.missingContent.size() - 1; i >= 0; i--) {
                if (link.missingContent.get(i) < body.upToCallSeq) {
                    link.missingContent.remove(i);
                    link.missingContentSeq.remove(i);
                }
            }
        }
    }

    /**
     * Ends the check against the head the store recorded with its last commit.
     *
     * @param headSeq the last sequence number the store committed (0 for an empty ledger)
     * @param headHash its hash ({@link CanonicalJson#ZERO_HASH} for an empty ledger)
     */
    public VerifyReport finish(long headSeq, String headHash) {
        return finish(headSeq, headHash, false);
    }

    /**
     * Like {@link #finish(long, String)}; with {@code callsChecked}, also reports chained calls
     * missing from the call list (after {@link #checkCall} was called for every listed call).
     */
    public VerifyReport finish(long headSeq, String headHash, boolean callsChecked) {
        if (callsChecked) {
            chainedCalls.forEach((id, call) -> {
                if (!call.listed) {
                    problem(call.startSeq, callIdOf(id), "starts a call that is missing from the call list");
                }
            });
        }
        for (CallLink link : calls.values()) {
            for (long seq : link.missingContentSeq) {
                problem(seq, Optional.empty(), "lost its content without a deletion on the record (no tombstone)");
            }
        }
        if (headSeq != lastSeq || !Objects.equals(headHash, lastHash)) {
            problem(
                    Math.max(headSeq, lastSeq),
                    Optional.empty(),
                    headSeq > lastSeq
                            ? "is missing: the ledger ends at entry " + lastSeq + " but its last commit was entry "
                                    + headSeq + " (entries at the end were removed)"
                            : "does not match the ledger's recorded head (entries were added or edited outside Candor)");
        }
        problems.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return new VerifyReport(checked, lastHash, problems);
    }

    private static boolean agrees(Body body, Row row) {
        return body.seq == row.seq()
                && row.callId().equals(body.call)
                && body.callSeq == row.callSeq()
                && row.kind().equals(body.kind)
                && body.at == row.atMillis();
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The parts of an entry body the chain check needs, read with a streaming parser (no maps). */
    private static final class Body {
        long seq = -1;
        long callSeq = -2;
        long at = Long.MIN_VALUE;
        String call;
        String kind;
        String prev;
        String prevInCall;
        String contentHash;
        long upToCallSeq = -1;
        String server;
        String room;
        String displayName;

        static Body parse(String json) throws IOException {
            Body b = new Body();
            try (JsonParser p = JSON.createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not an object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (name) {
                        case "seq" -> b.seq = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                        case "callSeq" -> b.callSeq = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -2;
                        case "at" -> b.at = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : Long.MIN_VALUE;
                        case "call" -> b.call = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "kind" -> b.kind = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "prev" -> b.prev = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "prevInCall" -> b.prevInCall = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "fields" -> readFields(p, value, b);
                        default -> p.skipChildren();
                    }
                }
            }
            return b;
        }

        private static void readFields(JsonParser p, JsonToken start, Body b) throws IOException {
            if (start != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (EntryFields.CONTENT_HASH.equals(name) && value == JsonToken.VALUE_STRING) {
                    b.contentHash = p.getText();
                } else if (EntryFields.UP_TO_CALL_SEQ.equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    b.upToCallSeq = p.getLongValue();
                } else if (value == JsonToken.VALUE_STRING && EntryFields.SERVER.equals(name)) {
                    b.server = p.getText();
                } else if (value == JsonToken.VALUE_STRING && EntryFields.ROOM.equals(name)) {
                    b.room = p.getText();
                } else if (value == JsonToken.VALUE_STRING && EntryFields.DISPLAY_NAME.equals(name)) {
                    b.displayName = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void advance(long seq, String hash) {
        lastSeq = Math.max(lastSeq, seq);
        lastHash = hash;
    }

    private void problem(long seq, Optional<CallId> callId, String description) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new VerifyReport.Problem(seq, callId, description));
        }
    }

    private static Optional<CallId> callIdOf(String value) {
        try {
            return Optional.of(new CallId(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
