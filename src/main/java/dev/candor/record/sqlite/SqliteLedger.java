package dev.candor.record.sqlite;

import dev.candor.record.CallHistory;
import dev.candor.record.CallId;
import dev.candor.record.CallInfo;
import dev.candor.record.CallSummary;
import dev.candor.record.CanonicalJson;
import dev.candor.record.ChainVerifier;
import dev.candor.record.EntryDraft;
import dev.candor.record.EntryFields;
import dev.candor.record.EntryKind;
import dev.candor.record.Ledger;
import dev.candor.record.LedgerEntry;
import dev.candor.record.LedgerException;
import dev.candor.record.LedgerUnreadableException;
import dev.candor.record.SharedItem;
import dev.candor.record.VerifyReport;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The ledger and call history in one SQLite file (WAL, {@code synchronous=FULL}). Writes go through
 * one writer thread ("candor-ledger-writer") that owns the write connection and the chain's tip;
 * it drains every pending write into one transaction (group commit) and completes their futures
 * only after the commit, so an acknowledged entry survives a kill or power loss as far as SQLite
 * guarantees. Reads and {@link #verify} open their own read-only connection on the caller's thread.
 */
public final class SqliteLedger implements Ledger, CallHistory {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteLedger.class);
    private static final int MAX_BATCH = 2048;
    private static final int BODY_VERSION = 1;
    private static final int VERIFY_BLOCK = 1024;

    private final Path file;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection writer;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final PreparedStatement insertEntry;
    private final PreparedStatement insertContent;
    private volatile boolean closed;

    // Chain tip, owned by the writer thread.
    private long headSeq;
    private String headHash;
    private final Map<String, Tip> tips = new HashMap<>();

    private record Tip(long callSeq, String hash) {}

    private record CallRow(String id, String server, String room, String displayName, long startedAt, Long endedAt) {}

    private sealed interface Op {
        CompletableFuture<?> done();
    }

    private record StartCall(CallId id, CallInfo info, Prepared started, CompletableFuture<CallId> done)
            implements Op {}

    private record Append(CallId call, Prepared entry, CompletableFuture<LedgerEntry> done) implements Op {}

    private record EndCall(CallId call, Prepared entry, CompletableFuture<LedgerEntry> done) implements Op {}

    private record DeleteContent(CallId call, String reason, CompletableFuture<LedgerEntry> done) implements Op {}

    private record Stop(CompletableFuture<Void> done) implements Op {}

    /** A draft checked and canonicalised on the caller's thread, so the writer only links and stores it. */
    private record Prepared(EntryKind kind, String fieldsJson, Map<String, Object> fields, String content) {}

    private SqliteLedger(Path file, Clock clock, FileChannel lockChannel, FileLock lock, Connection writer)
            throws SQLException {
        this.insertEntry = writer.prepareStatement("INSERT INTO entries(seq, call_id, call_seq, kind, at, has_content,"
                + " body, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertContent = writer.prepareStatement("INSERT INTO content(seq, text) VALUES (?, ?)");
        this.file = file;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.writer = writer;
        this.writerThread = new Thread(this::runWriter, "candor-ledger-writer");
        // A daemon, so a forgotten close() cannot keep the app from exiting; unacknowledged appends
        // are then lost exactly as in a crash, acknowledged ones never are.
        this.writerThread.setDaemon(true);
    }

    /**
     * Opens (or creates) the ledger at {@code file}, migrating its schema forward. Call from a
     * background thread at start-up.
     *
     * @throws LedgerUnreadableException if the file is damaged, not a database, newer, or in use; the
     *     file is left untouched
     */
    public static SqliteLedger open(Path file, Clock clock) {
        return open(file, clock, 0);
    }

    /**
     * As {@link #open(Path, Clock)}, with the database capped at {@code extraPages} pages beyond its
     * size at opening (0: no cap), so tests can make the disk "full" without filling one.
     */
    static SqliteLedger open(Path file, Clock clock, int extraPages) {
        Path absolute = file.toAbsolutePath();
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute.getParent());
            channel = FileChannel.open(
                    absolute.resolveSibling(absolute.getFileName() + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                // Held by this very process. Closing this second channel would drop the first one's
                // POSIX lock too, so it is left open (one descriptor, only on this programming error).
                lock = null;
                channel = null;
            }
            if (lock == null) {
                closeQuietly(channel);
                channel = null;
                throw new LedgerUnreadableException(
                        absolute,
                        LedgerUnreadableException.Reason.IN_USE,
                        "Another Candor window is using the call record at " + absolute
                                + ". Close it, or start this one with another --data-dir.",
                        null);
            }
            int version = LedgerFile.check(absolute);
            Connection writer = openWriter(absolute, version);
            if (extraPages > 0) {
                capPages(writer, extraPages);
            }
            SqliteLedger ledger;
            try {
                ledger = new SqliteLedger(absolute, clock, channel, lock, writer);
                ledger.loadTips();
            } catch (SQLException | RuntimeException e) {
                writer.close();
                throw e;
            }
            ledger.writerThread.start();
            LOG.info("Call record open at {} (format {})", absolute, Migrations.latest());
            return ledger;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LedgerUnreadableException(
                    absolute,
                    LedgerUnreadableException.Reason.UNREADABLE,
                    "Candor cannot open its call record at " + absolute + ": " + e.getMessage(),
                    e);
        } catch (SQLException e) {
            closeQuietly(channel);
            throw new LedgerUnreadableException(
                    absolute,
                    LedgerUnreadableException.Reason.UNREADABLE,
                    "Candor cannot open its call record at " + absolute + ". It has not been changed. ("
                            + e.getMessage() + ")",
                    e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    private static Connection openWriter(Path file, int version) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setPragma(
                SQLiteConfig.Pragma.SECURE_DELETE, "true"); // deleted content is overwritten, not left in free pages
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        try {
            migrate(c, version);
            // Transactions are begun and ended by explicit statements (see commit): SQLite itself rolls
            // back on some errors (SQLITE_FULL), and the driver's implicit BEGIN would then be lost.
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void migrate(Connection c, int from) throws SQLException {
        for (Migrations.Step step : Migrations.STEPS) {
            if (step.version() <= from) {
                continue;
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : step.statements()) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + step.version());
                c.commit();
                LOG.info("Call record schema migrated to {} ({})", step.version(), step.description());
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void capPages(Connection writer, int extraPages) throws SQLException {
        try (Statement s = writer.createStatement()) {
            long pages;
            try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            s.execute("PRAGMA max_page_count = " + (pages + extraPages));
        } catch (SQLException e) {
            writer.close();
            throw e;
        }
    }

    private void loadTips() throws SQLException {
        try (Statement s = writer.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT seq, hash FROM chain_head WHERE id = 1")) {
                if (rs.next()) {
                    headSeq = rs.getLong(1);
                    headHash = rs.getString(2);
                } else {
                    headSeq = 0;
                    headHash = CanonicalJson.ZERO_HASH;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT e.call_id, e.call_seq, e.hash FROM entries e"
                    + " JOIN (SELECT call_id, max(call_seq) AS m FROM entries GROUP BY call_id) last"
                    + " ON last.call_id = e.call_id AND last.m = e.call_seq")) {
                while (rs.next()) {
                    tips.put(rs.getString(1), new Tip(rs.getLong(2), rs.getString(3)));
                }
            }
        }
    }

    // ---- write side (any thread -> writer thread) ----

    @Override
    public CompletableFuture<CallId> startCall(CallInfo info) {
        CompletableFuture<CallId> done = new CompletableFuture<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(EntryFields.SERVER, info.server());
        fields.put(EntryFields.ROOM, info.room());
        fields.put(EntryFields.DISPLAY_NAME, info.displayName());
        enqueue(
                new StartCall(CallId.random(), info, prepare(new EntryDraft(EntryKind.CALL_STARTED, fields)), done),
                done);
        return done;
    }

    @Override
    public CompletableFuture<LedgerEntry> append(CallId call, EntryDraft draft) {
        CompletableFuture<LedgerEntry> done = new CompletableFuture<>();
        if (draft.kind() == EntryKind.CALL_STARTED || draft.kind() == EntryKind.CONTENT_DELETED) {
            done.completeExceptionally(new IllegalArgumentException(
                    draft.kind() + " is written by the ledger itself (startCall / deleteContent)"));
            return done;
        }
        Prepared prepared;
        try {
            prepared = prepare(draft);
        } catch (IllegalArgumentException e) {
            done.completeExceptionally(e);
            return done;
        }
        if (draft.kind() == EntryKind.CALL_ENDED) {
            enqueue(new EndCall(call, prepared, done), done); // keeps the call list's end time in step
        } else {
            enqueue(new Append(call, prepared, done), done);
        }
        return done;
    }

    @Override
    public CompletableFuture<LedgerEntry> endCall(CallId call, String reason) {
        CompletableFuture<LedgerEntry> done = new CompletableFuture<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(EntryFields.REASON, reason);
        enqueue(new EndCall(call, prepare(new EntryDraft(EntryKind.CALL_ENDED, fields)), done), done);
        return done;
    }

    @Override
    public CompletableFuture<LedgerEntry> deleteContent(CallId call, String reason) {
        CompletableFuture<LedgerEntry> done = new CompletableFuture<>();
        enqueue(new DeleteContent(call, reason, done), done);
        return done;
    }

    private void enqueue(Op op, CompletableFuture<?> done) {
        synchronized (queue) { // so nothing can be queued behind the Stop that close() queues
            if (!closed) {
                queue.add(op);
                return;
            }
        }
        done.completeExceptionally(new LedgerException("The call record is closed; nothing more can be written."));
    }

    private static Prepared prepare(EntryDraft draft) {
        Map<String, Object> fields = new LinkedHashMap<>(draft.fields());
        Object content = fields.remove(EntryFields.CONTENT);
        String text = null;
        if (content != null) {
            if (!(content instanceof String s)) {
                throw new IllegalArgumentException("content must be text");
            }
            text = s;
            fields.put(EntryFields.CONTENT_HASH, CanonicalJson.sha256(text));
            fields.put(EntryFields.CONTENT_BYTES, (long) text.getBytes(StandardCharsets.UTF_8).length);
        }
        String fieldsJson = CanonicalJson.write(fields); // also refuses values with no JSON form
        return new Prepared(draft.kind(), fieldsJson, fields, text);
    }

    private void runWriter() {
        List<Op> batch = new ArrayList<>();
        boolean running = true;
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            int stop = indexOfStop(batch);
            if (stop >= 0) {
                running = false;
                batch = new ArrayList<>(batch.subList(0, stop)); // Stop is always the last op queued
            }
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch = new ArrayList<>();
        }
    }

    private static int indexOfStop(List<Op> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) instanceof Stop) {
                return i;
            }
        }
        return -1;
    }

    /** One transaction for the whole batch; if it fails, each op is retried alone so one bad op fails alone. */
    private void commit(List<Op> batch) {
        Batch tx = new Batch();
        try (Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            for (Op op : batch) {
                tx.apply(op);
            }
            tx.finish();
            s.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            if (batch.size() > 1) {
                for (Op op : batch) {
                    commit(List.of(op));
                }
            } else {
                LOG.warn("Call record write failed", e);
                fail(batch.get(0), writeFailure(e));
            }
            return;
        }
        headSeq = tx.seq;
        headHash = tx.hash;
        tips.putAll(tx.tips);
        tx.completions.forEach(Runnable::run);
        if (tx.deleted) {
            checkpointQuietly(); // drop old WAL frames that still hold the deleted text
        }
    }

    private LedgerException writeFailure(Throwable e) {
        if (e instanceof LedgerException le) {
            return le;
        }
        if (e instanceof SQLiteException se
                && (se.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                        || se.getResultCode().code == SQLiteErrorCode.SQLITE_FULL.code)) {
            return new LedgerException(
                    "The disk is full, so Candor could not add to the call record. Free some space; nothing already"
                            + " recorded was lost.",
                    e);
        }
        return new LedgerException(
                "Candor could not add to the call record (" + e.getMessage() + "). Nothing already recorded was lost.",
                e);
    }

    private static void fail(Op op, Throwable e) {
        op.done().completeExceptionally(e);
    }

    private void rollbackQuietly() {
        try (Statement s = writer.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite already rolled back by itself (it does on SQLITE_FULL and I/O errors).
            LOG.debug("Rollback found no open transaction", e);
        }
    }

    private void checkpointQuietly() {
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.debug("Checkpoint after deletion did not complete (a reader is open); it will happen later", e);
        }
    }

    /** The work of one transaction: a tentative chain tip, applied to the real one only after commit. */
    private final class Batch {
        long seq = headSeq;
        String hash = headHash;
        final Map<String, Tip> tips = new HashMap<>();
        final List<Runnable> completions = new ArrayList<>();
        boolean deleted;

        void apply(Op op) throws SQLException {
            if (op instanceof StartCall s) {
                long at = clock.millis();
                try (PreparedStatement ps = writer.prepareStatement(
                        "INSERT INTO calls(id, server, room, display_name, started_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, s.id().value());
                    ps.setString(2, s.info().server());
                    ps.setString(3, s.info().room());
                    ps.setString(4, s.info().displayName());
                    ps.setLong(5, at);
                    ps.executeUpdate();
                }
                tips.put(s.id().value(), new Tip(-1, CanonicalJson.ZERO_HASH));
                insert(s.id(), s.started(), at);
                completions.add(() -> s.done().complete(s.id()));
            } else if (op instanceof Append a) {
                if (tip(a.call()) == null) {
                    completions.add(() -> a.done().completeExceptionally(unknownCall(a.call())));
                    return;
                }
                LedgerEntry entry = insert(a.call(), a.entry(), clock.millis());
                completions.add(() -> a.done().complete(entry));
            } else if (op instanceof EndCall c) {
                if (tip(c.call()) == null) {
                    completions.add(() -> c.done().completeExceptionally(unknownCall(c.call())));
                    return;
                }
                long at = clock.millis();
                try (PreparedStatement ps =
                        writer.prepareStatement("UPDATE calls SET ended_at = ? WHERE id = ? AND ended_at IS NULL")) {
                    ps.setLong(1, at);
                    ps.setString(2, c.call().value());
                    ps.executeUpdate();
                }
                LedgerEntry entry = insert(c.call(), c.entry(), at);
                completions.add(() -> c.done().complete(entry));
            } else if (op instanceof DeleteContent d) {
                Tip tip = tip(d.call());
                if (tip == null) {
                    completions.add(() -> d.done().completeExceptionally(unknownCall(d.call())));
                    return;
                }
                long count;
                long bytes;
                try (PreparedStatement ps = writer.prepareStatement(
                        "SELECT count(*), coalesce(sum(length(CAST(c.text AS BLOB))), 0) FROM content c"
                                + " JOIN entries e ON e.seq = c.seq WHERE e.call_id = ?")) {
                    ps.setString(1, d.call().value());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        count = rs.getLong(1);
                        bytes = rs.getLong(2);
                    }
                }
                try (PreparedStatement ps = writer.prepareStatement(
                        "DELETE FROM content WHERE seq IN (SELECT seq FROM entries WHERE call_id = ?)")) {
                    ps.setString(1, d.call().value());
                    ps.executeUpdate();
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put(EntryFields.REASON, d.reason());
                fields.put(EntryFields.ENTRIES, count);
                fields.put(EntryFields.BYTES, bytes);
                fields.put(EntryFields.UP_TO_CALL_SEQ, tip.callSeq() + 1);
                LedgerEntry entry =
                        insert(d.call(), prepare(new EntryDraft(EntryKind.CONTENT_DELETED, fields)), clock.millis());
                deleted = true;
                completions.add(() -> d.done().complete(entry));
            }
        }

        private Tip tip(CallId call) {
            Tip tip = tips.get(call.value());
            return tip != null ? tip : SqliteLedger.this.tips.get(call.value());
        }

        private LedgerEntry insert(CallId call, Prepared p, long at) throws SQLException {
            Tip tip = tip(call);
            long nextSeq = seq + 1;
            long callSeq = tip.callSeq() + 1;
            // Keys in sorted order, no whitespace: the canonical form (the ids and hashes need no escaping).
            String body = "{\"at\":" + at + ",\"call\":\"" + call.value() + "\",\"callSeq\":" + callSeq + ",\"fields\":"
                    + p.fieldsJson() + ",\"kind\":\"" + p.kind().name() + "\",\"prev\":\"" + hash
                    + "\",\"prevInCall\":\"" + tip.hash() + "\",\"seq\":" + nextSeq + ",\"v\":" + BODY_VERSION + "}";
            String entryHash = CanonicalJson.sha256(body);
            {
                PreparedStatement ps = insertEntry;
                ps.setLong(1, nextSeq);
                ps.setString(2, call.value());
                ps.setLong(3, callSeq);
                ps.setString(4, p.kind().name());
                ps.setLong(5, at);
                ps.setInt(6, p.content() != null ? 1 : 0);
                ps.setString(7, body);
                ps.setString(8, entryHash);
                ps.executeUpdate();
            }
            if (p.content() != null) {
                {
                    PreparedStatement ps = insertContent;
                    ps.setLong(1, nextSeq);
                    ps.setString(2, p.content());
                    ps.executeUpdate();
                }
            }
            LedgerEntry entry = new LedgerEntry(
                    nextSeq,
                    call,
                    callSeq,
                    p.kind(),
                    Instant.ofEpochMilli(at),
                    p.fields(),
                    entryHash,
                    hash,
                    tip.hash(),
                    body,
                    Optional.ofNullable(p.content()));
            tips.put(call.value(), new Tip(callSeq, entryHash));
            seq = nextSeq;
            hash = entryHash;
            return entry;
        }

        void finish() throws SQLException {
            if (seq == headSeq) {
                return;
            }
            try (PreparedStatement ps = writer.prepareStatement("INSERT INTO chain_head(id, seq, hash) VALUES (1, ?, ?)"
                    + " ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash")) {
                ps.setLong(1, seq);
                ps.setString(2, hash);
                ps.executeUpdate();
            }
        }
    }

    private static LedgerException unknownCall(CallId call) {
        return new LedgerException("There is no call " + call + " in the call record.");
    }

    @Override
    public void close() {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(new Stop(new CompletableFuture<>()));
        }
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            insertEntry.close();
            insertContent.close();
            writer.close();
        } catch (SQLException e) {
            LOG.warn("Closing the call record failed", e);
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("Releasing the record lock failed", e);
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing the lock file failed", e);
            }
        }
    }

    // ---- read side (caller's thread, own read-only connection) ----

    private Connection reader() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    private static LedgerException readFailure(SQLException e) {
        return new LedgerException("Candor could not read the call record (" + e.getMessage() + ").", e);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reading and checking overlap: a short-lived reader thread streams rows in blocks while the
     * caller's thread checks them, so on two cores the check costs about as long as the read.
     */
    @Override
    public VerifyReport verify() {
        BlockingQueue<List<ChainVerifier.Row>> blocks = new java.util.concurrent.ArrayBlockingQueue<>(8);
        List<ChainVerifier.Row> end = List.of();
        long[] head = {0};
        String[] headHash = {CanonicalJson.ZERO_HASH};
        List<CallRow> callRows = new ArrayList<>();
        CompletableFuture<Void> read = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (Connection c = reader()) {
                        c.setAutoCommit(false); // one snapshot for entries and head
                        try (Statement s = c.createStatement()) {
                            List<ChainVerifier.Row> block = new ArrayList<>(VERIFY_BLOCK);
                            try (ResultSet rs = s.executeQuery(
                                    "SELECT e.seq, e.call_id, e.call_seq, e.kind, e.at, e.body, e.hash, c.text"
                                            + " FROM entries e LEFT JOIN content c ON c.seq = e.seq ORDER BY e.seq")) {
                                while (rs.next()) {
                                    block.add(new ChainVerifier.Row(
                                            rs.getLong(1),
                                            rs.getString(2),
                                            rs.getLong(3),
                                            rs.getString(4),
                                            rs.getLong(5),
                                            rs.getString(6),
                                            rs.getString(7),
                                            rs.getString(8)));
                                    if (block.size() == VERIFY_BLOCK) {
                                        blocks.put(block);
                                        block = new ArrayList<>(VERIFY_BLOCK);
                                    }
                                }
                            }
                            if (!block.isEmpty()) {
                                blocks.put(block);
                            }
                            try (ResultSet rs = s.executeQuery("SELECT seq, hash FROM chain_head WHERE id = 1")) {
                                if (rs.next()) {
                                    head[0] = rs.getLong(1);
                                    headHash[0] = rs.getString(2);
                                }
                            }
                            try (ResultSet rs = s.executeQuery(
                                    "SELECT id, server, room, display_name, started_at, ended_at FROM calls")) {
                                while (rs.next()) {
                                    long ended = rs.getLong(6);
                                    Long endedAt = rs.wasNull() ? null : ended;
                                    callRows.add(new CallRow(
                                            rs.getString(1),
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getString(4),
                                            rs.getLong(5),
                                            endedAt));
                                }
                            }
                        }
                        c.rollback();
                        read.complete(null);
                    } catch (SQLException | RuntimeException e) {
                        read.completeExceptionally(e);
                    } catch (InterruptedException e) {
                        read.completeExceptionally(e);
                        Thread.currentThread().interrupt();
                    } finally {
                        try {
                            blocks.put(end); // the checker always drains until it sees this
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "candor-ledger-verify-reader");
        reader.setDaemon(true);
        reader.start();
        ChainVerifier verifier = new ChainVerifier();
        try {
            for (List<ChainVerifier.Row> block = blocks.take(); block != end; block = blocks.take()) {
                try {
                    block.forEach(verifier::accept);
                } catch (RuntimeException e) {
                    reader.interrupt();
                    throw e;
                }
            }
            reader.join();
            read.join();
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new LedgerException("Checking the call record was interrupted.", e);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof SQLException se
                    ? readFailure(se)
                    : new LedgerException("Candor could not read the call record.", e.getCause());
        }
        for (CallRow row : callRows) { // visible here: reader.join() happened-before
            verifier.checkCall(row.id(), row.server(), row.room(), row.displayName(), row.startedAt(), row.endedAt());
        }
        return verifier.finish(head[0], headHash[0], true);
    }

    private static final String SUMMARY_SQL = "SELECT c.id, c.server, c.room, c.display_name, c.started_at, c.ended_at,"
            + " count(e.seq),"
            + " coalesce(sum(e.kind = 'SWITCH_CHANGED'), 0),"
            + " coalesce(sum(e.kind = 'NOTICE_SENT'), 0),"
            + " coalesce(sum(e.kind = 'OBJECTION_RECEIVED'), 0),"
            + " coalesce(sum(e.kind = 'TRANSCRIPT_SEGMENT'), 0),"
            + " coalesce(sum(e.kind = 'AI_OUTPUT'), 0),"
            + " coalesce(sum(e.kind = 'SHARE_QUEUED'), 0),"
            + " coalesce(sum(e.has_content), 0),"
            + " count(t.seq)"
            + " FROM calls c LEFT JOIN entries e ON e.call_id = c.id LEFT JOIN content t ON t.seq = e.seq";

    @Override
    public List<CallSummary> calls() {
        try (Connection c = reader();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(SUMMARY_SQL + " GROUP BY c.id ORDER BY c.started_at DESC, c.rowid DESC")) {
            List<CallSummary> calls = new ArrayList<>();
            while (rs.next()) {
                calls.add(summary(rs));
            }
            return calls;
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    @Override
    public Optional<CallSummary> call(CallId call) {
        try (Connection c = reader();
                PreparedStatement ps = c.prepareStatement(SUMMARY_SQL + " WHERE c.id = ? GROUP BY c.id")) {
            ps.setString(1, call.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    private static CallSummary summary(ResultSet rs) throws SQLException {
        long ended = rs.getLong(6);
        Optional<Instant> endedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended));
        return new CallSummary(
                new CallId(rs.getString(1)),
                new CallInfo(rs.getString(2), rs.getString(3), rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)),
                endedAt,
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getLong(13),
                rs.getLong(14),
                rs.getLong(15));
    }

    @Override
    public List<LedgerEntry> timeline(CallId call) {
        try (Connection c = reader();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT e.seq, e.call_seq, e.kind, e.at, e.body, e.hash, t.text"
                                + " FROM entries e LEFT JOIN content t ON t.seq = e.seq WHERE e.call_id = ? ORDER BY e.call_seq")) {
            ps.setString(1, call.value());
            List<LedgerEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(decode(call, rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static LedgerEntry decode(CallId call, ResultSet rs) throws SQLException {
        Map<String, Object> body = CanonicalJson.readObject(rs.getString(5));
        Object fields = body.get("fields");
        return new LedgerEntry(
                rs.getLong(1),
                call,
                rs.getLong(2),
                EntryKind.valueOf(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                fields instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                rs.getString(6),
                String.valueOf(body.get("prev")),
                String.valueOf(body.get("prevInCall")),
                rs.getString(5),
                Optional.ofNullable(rs.getString(7)));
    }

    @Override
    public List<SharedItem> sharedItems() {
        List<SharedItem> items = shared(null);
        java.util.Collections.reverse(items); // newest first, ties in reverse record order
        items.sort((a, b) -> b.queuedAt().compareTo(a.queuedAt()));
        return items;
    }

    @Override
    public List<SharedItem> sharedItems(CallId call) {
        return shared(call);
    }

    private List<SharedItem> shared(CallId call) {
        String sql = "SELECT e.call_id, c.room, e.kind, e.at, e.body, t.seq IS NOT NULL FROM entries e"
                + " JOIN calls c ON c.id = e.call_id LEFT JOIN content t ON t.seq = e.seq"
                + " WHERE e.kind IN ('SHARE_QUEUED', 'SHARE_SENT', 'SHARE_FAILED')"
                + (call != null ? " AND e.call_id = ?" : "")
                + " ORDER BY e.seq";
        Map<String, SharedItem> items = new LinkedHashMap<>();
        try (Connection c = reader();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (call != null) {
                ps.setString(1, call.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CallId id = new CallId(rs.getString(1));
                    EntryKind kind = EntryKind.valueOf(rs.getString(3));
                    Instant at = Instant.ofEpochMilli(rs.getLong(4));
                    Object f = CanonicalJson.readObject(rs.getString(5)).get("fields");
                    Map<?, ?> fields = f instanceof Map<?, ?> m ? m : Map.of();
                    String item = String.valueOf(fields.get(EntryFields.ITEM));
                    String key = id.value() + "/" + item;
                    SharedItem before = items.get(key);
                    if (kind == EntryKind.SHARE_QUEUED) {
                        items.put(
                                key,
                                new SharedItem(
                                        id,
                                        rs.getString(2),
                                        item,
                                        String.valueOf(fields.get(EntryFields.WHAT)),
                                        String.valueOf(fields.get(EntryFields.DESTINATION)),
                                        fields.get(EntryFields.BYTES) instanceof Number n ? n.longValue() : 0,
                                        String.valueOf(fields.get(EntryFields.PAYLOAD_HASH)),
                                        SharedItem.Status.QUEUED,
                                        at,
                                        at,
                                        Optional.empty(),
                                        rs.getBoolean(6)));
                    } else if (before != null) {
                        boolean sent = kind == EntryKind.SHARE_SENT;
                        items.put(
                                key,
                                new SharedItem(
                                        before.callId(),
                                        before.room(),
                                        before.item(),
                                        before.what(),
                                        before.destination(),
                                        before.bytes(),
                                        before.payloadHash(),
                                        sent ? SharedItem.Status.SENT : SharedItem.Status.FAILED,
                                        before.queuedAt(),
                                        at,
                                        sent
                                                ? Optional.empty()
                                                : Optional.of(String.valueOf(fields.get(EntryFields.ERROR))),
                                        before.copyKept()));
                    }
                }
            }
            return new ArrayList<>(items.values());
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }
}
