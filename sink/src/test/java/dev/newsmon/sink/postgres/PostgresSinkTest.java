package dev.newsmon.sink.postgres;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real PostgreSQL on 127.0.0.1:5432 (started by .ci/run), in a database of its own. */
class PostgresSinkTest {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() throws SQLException {
        db = new TestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        db.close();
    }

    @Test
    void flywayAppliesEachMigrationOnceAndRecordsIt() throws Exception {
        try (PostgresSink first = sink(); PostgresSink second = sink()) {
            assertEquals(List.of("1|V1__stories_copies_tags.sql|true", "2|V2__copies_search.sql|true"),
                    rows("SELECT version || '|' || script || '|' || success FROM flyway_schema_history "
                            + "ORDER BY installed_rank"));
        }
    }

    @Test
    void aDatabaseMigratedBeforeFlywayIsTakenOverAndItsRowsBecomeSearchable() throws Exception {
        try (TestDatabase legacy = new TestDatabase()) {
            // As the migrator before Flyway left it: version 1 applied and recorded in schema_migrations.
            legacy.execute(new String(Migrations.class.getResourceAsStream("V1__stories_copies_tags.sql")
                    .readAllBytes(), StandardCharsets.UTF_8));
            legacy.execute("CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now()); "
                    + "INSERT INTO schema_migrations (version, name) VALUES (1, 'V1__stories_copies_tags.sql')");
            legacy.execute("INSERT INTO stories VALUES ('s-legacy', 'l-1', 'Station crew returns', null, 'Harbor City "
                    + "Post', now(), now(), 1, 'test'); INSERT INTO copies (item_id, story_id, kind, outlet, title, "
                    + "alerted, matches) VALUES ('l-1', 's-legacy', 'story', 'Harbor City Post', 'Station crew returns', "
                    + "now(), '{}')");
            // Starting the sink migrates.
            new PostgresSink(legacy.url(), TestDatabase.credentials()).close();
            assertEquals(List.of("1|BASELINE", "2|SQL"),
                    legacy.rows("SELECT version || '|' || type FROM flyway_schema_history ORDER BY installed_rank"));
            assertEquals(List.of("l-1"), legacy.rows("SELECT item_id FROM copies "
                    + "WHERE search @@ websearch_to_tsquery('english', 'station')"), "a row stored before V2 is indexed");
        }
    }

    @Test
    void aReplayOfTheSameAlertsLeavesTheTablesUnchanged() throws Exception {
        List<Alert> alerts = List.of(TestAlerts.alert("s-replay", "r-1", Alert.Kind.STORY),
                TestAlerts.alert("s-replay", "r-2", Alert.Kind.COPY), TestAlerts.alert("s-replay", "r-3", Alert.Kind.COPY));
        try (PostgresSink sink = sink()) {
            writeAndCommit(sink, alerts);
        }
        List<String> before = snapshot();
        try (PostgresSink sink = sink()) {
            writeAndCommit(sink, alerts);
            writeAndCommit(sink, alerts);
        }
        assertEquals(before, snapshot());
        assertEquals(List.of("3"), rows("SELECT outlet_count FROM stories WHERE story_id = 's-replay'"),
                "the story and two copies: three outlets, each counted once");
    }

    @Test
    void aCrashBetweenWriteAndOffsetCommitThenARestartLeavesNoDuplicateRows() throws Exception {
        List<Alert> batch = List.of(TestAlerts.alert("s-crash", "c-1", Alert.Kind.STORY),
                TestAlerts.alert("s-crash", "c-2", Alert.Kind.COPY));
        // Crash after the database commit, before the offsets: the batch comes again to a new sink.
        PostgresSink crashed = sink();
        writeAndCommit(crashed, batch);
        crashed.close();
        // Crash in the middle of a batch: the transaction dies with the connection.
        PostgresSink midBatch = sink();
        midBatch.write(TestAlerts.alert("s-crash", "c-3", Alert.Kind.COPY));
        midBatch.close();

        try (PostgresSink restarted = sink()) {
            List<Alert> redelivered = new ArrayList<>(batch);
            redelivered.add(TestAlerts.alert("s-crash", "c-3", Alert.Kind.COPY));
            writeAndCommit(restarted, redelivered);
        }
        assertEquals(List.of("c-1|story", "c-2|copy", "c-3|copy"),
                rows("SELECT item_id || '|' || kind FROM copies WHERE story_id = 's-crash' ORDER BY item_id"));
        assertEquals(List.of("3|c-1|Station news"),
                rows("SELECT outlet_count || '|' || first_item_id || '|' || title FROM stories WHERE story_id = 's-crash'"));
        assertEquals(List.of("space-station"), rows("SELECT tag FROM tags WHERE story_id = 's-crash'"));
    }

    @Test
    void aRolledBackBatchWritesNothing() throws Exception {
        try (PostgresSink sink = sink()) {
            sink.write(TestAlerts.alert("s-rollback", "b-1", Alert.Kind.STORY));
            sink.rollback();
            sink.commit();
        }
        assertTrue(rows("SELECT story_id FROM stories WHERE story_id = 's-rollback'").isEmpty());
    }

    private static void writeAndCommit(PostgresSink sink, List<Alert> alerts) throws Exception {
        for (Alert a : alerts) {
            sink.write(a);
        }
        sink.commit();
    }

    private static PostgresSink sink() throws Exception {
        return new PostgresSink(db.url(), TestDatabase.credentials());
    }

    private static List<String> snapshot() throws SQLException {
        List<String> all = new ArrayList<>();
        all.addAll(rows("SELECT * FROM stories ORDER BY story_id"));
        all.addAll(rows("SELECT * FROM copies ORDER BY item_id"));
        all.addAll(rows("SELECT * FROM tags ORDER BY story_id, tag"));
        return all;
    }

    private static List<String> rows(String sql) throws SQLException {
        return db.rows(sql);
    }
}
