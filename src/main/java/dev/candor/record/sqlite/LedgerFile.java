package dev.candor.record.sqlite;

import dev.candor.record.LedgerUnreadableException;
import dev.candor.record.LedgerUnreadableException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Checks a ledger file before anything writes to it, read-only: the SQLite magic header, the schema
 * version, and SQLite's own integrity check. A file that fails is reported with a typed exception
 * and left exactly as it was; {@link #setAside} moves it (and its WAL) out of the way on request.
 */
public final class LedgerFile {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private LedgerFile() {}

    /**
     * Returns the schema version of an existing, healthy ledger file (0 when there is none yet).
     *
     * @throws LedgerUnreadableException if the file is not a database, damaged, or newer
     */
    static int check(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            if (Files.size(file) == 0) {
                return 0; // SQLite treats an empty file as a new database
            }
            byte[] head = new byte[MAGIC.length];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            }
            if (read < head.length || !Arrays.equals(head, MAGIC)) {
                throw notADatabase(file, null);
            }
        } catch (IOException e) {
            throw new LedgerUnreadableException(
                    file,
                    Reason.UNREADABLE,
                    "Candor cannot read its call record at " + file + ": " + e.getMessage(),
                    e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
                Statement s = c.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > Migrations.latest()) {
                throw new LedgerUnreadableException(
                        file,
                        Reason.NEWER_VERSION,
                        "Your call record at " + file + " was written by a newer version of Candor (format " + version
                                + ", this version reads up to " + Migrations.latest()
                                + "). Update Candor to open it; the file has not been changed.",
                        null);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw damaged(file, new SQLException("quick_check: " + verdict));
                }
            }
            return version;
        } catch (SQLException e) {
            if (e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                throw notADatabase(file, e);
            }
            throw damaged(file, e);
        }
    }

    /**
     * Moves a file that {@link #check} refused (and its {@code -wal}/{@code -shm} companions) to
     * {@code <name>.damaged-<UTC time>} beside it, unchanged, so a new record can start.
     *
     * @return where the file now is
     */
    public static Path setAside(Path file, Clock clock) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(clock.instant());
        Path target = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                Files.move(
                        companion,
                        target.resolveSibling(target.getFileName() + suffix),
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static LedgerUnreadableException notADatabase(Path file, Throwable cause) {
        return new LedgerUnreadableException(
                file,
                Reason.NOT_A_DATABASE,
                "The file " + file + " is not a Candor call record (it is not a database). It has not been changed;"
                        + " move it away or choose another data folder.",
                cause);
    }

    private static LedgerUnreadableException damaged(Path file, Throwable cause) {
        return new LedgerUnreadableException(
                file,
                Reason.DAMAGED,
                "Your call record at " + file + " is damaged and cannot be opened. It has not been changed; Candor can"
                        + " set it aside and start a new record, and the damaged file stays where it was put.",
                cause);
    }
}
