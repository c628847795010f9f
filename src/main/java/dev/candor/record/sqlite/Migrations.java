package dev.candor.record.sqlite;

import java.util.List;

/**
 * The ledger's schema, as ordered steps. Step {@code n} moves a database from {@code user_version
 * n-1} to {@code n} inside one transaction; steps are never edited once released, only appended.
 */
final class Migrations {
    private Migrations() {}

    /** One schema step. */
    record Step(int version, String description, List<String> statements) {}

    static final List<Step> STEPS = List.of(
            new Step(
                    1,
                    "calls, chained entries, deletable content, chain head",
                    List.of(
                            """
                    CREATE TABLE calls (
                        id           TEXT PRIMARY KEY,
                        server       TEXT NOT NULL,
                        room         TEXT NOT NULL,
                        display_name TEXT NOT NULL,
                        started_at   INTEGER NOT NULL,
                        ended_at     INTEGER
                    )""",
                            """
                    CREATE TABLE entries (
                        seq         INTEGER PRIMARY KEY,
                        call_id     TEXT NOT NULL REFERENCES calls(id),
                        call_seq    INTEGER NOT NULL,
                        kind        TEXT NOT NULL,
                        at          INTEGER NOT NULL,
                        has_content INTEGER NOT NULL,
                        body        TEXT NOT NULL,
                        hash        TEXT NOT NULL
                    )""",
                            "CREATE UNIQUE INDEX entries_by_call ON entries(call_id, call_seq)",
                            "CREATE INDEX entries_by_kind ON entries(kind)",
                            "CREATE INDEX calls_by_start ON calls(started_at)",
                            """
                    CREATE TABLE content (
                        seq  INTEGER PRIMARY KEY REFERENCES entries(seq),
                        text TEXT NOT NULL
                    )""",
                            """
                    CREATE TABLE chain_head (
                        id   INTEGER PRIMARY KEY CHECK (id = 1),
                        seq  INTEGER NOT NULL,
                        hash TEXT NOT NULL
                    )""")));

    /** The schema version this build writes; a database with a higher one is refused, untouched. */
    static int latest() {
        return STEPS.get(STEPS.size() - 1).version();
    }
}
