package dev.newsmon.sink.postgres;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.newsmon.common.model.Alert.Kind.COPY;
import static dev.newsmon.common.model.Alert.Kind.STORY;
import static dev.newsmon.sink.TestAlerts.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real PostgreSQL on 127.0.0.1:5432 (started by .ci/run), in a database of its own. */
class PostgresSinkIT {
    private static final Instant FIRST_RUN = Instant.parse("2026-11-26T09:00:00Z");
    private static final Instant REPLAY = Instant.parse("2026-11-26T10:00:00Z");
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
            assertEquals(List.of("1|V1__stories_copies_tags.sql|true", "2|V2__copies_search.sql|true",
                            "3|V3__story_aliases.sql|true", "4|V4__copies_language_relevance.sql|true",
                            "5|V5__copies_search_russian.sql|true", "6|V6__copies_text.sql|true"),
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
            assertEquals(List.of("1|BASELINE", "2|SQL", "3|SQL", "4|SQL", "5|SQL", "6|SQL"),
                    legacy.rows("SELECT version || '|' || type FROM flyway_schema_history ORDER BY installed_rank"));
            assertEquals(List.of("l-1"), legacy.rows("SELECT item_id FROM copies "
                    + "WHERE search @@ websearch_to_tsquery('russian', 'stations')"), "a row stored before V2 is indexed");
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
    void aReplayThatNamesAStoryDifferentlyLeavesOneRowUnderTheStoredIdAndRecordsTheOtherAsAnAlias() throws Exception {
        try (PostgresSink sink = sink()) {
            writeAndCommit(sink, List.of(alert("s-p1", "p-b", STORY, null, FIRST_RUN),
                    alert("s-p1", "p-a", COPY, "p-b", FIRST_RUN.plusSeconds(1)),
                    alert("s-p1", "p-c", COPY, "p-b", FIRST_RUN.plusSeconds(2))));
            // The replay saw p-a first: the same story, opened by another of its items.
            writeAndCommit(sink, List.of(alert("s-p2", "p-a", STORY, null, REPLAY),
                    alert("s-p2", "p-c", COPY, "p-a", REPLAY.plusSeconds(1)),
                    alert("s-p2", "p-b", COPY, "p-a", REPLAY.plusSeconds(2))));
        }
        assertEquals(List.of("s-p1|p-b|3"), rows("SELECT story_id || '|' || first_item_id || '|' || outlet_count "
                + "FROM stories WHERE story_id IN ('s-p1', 's-p2')"));
        assertEquals(List.of("p-a|s-p1", "p-b|s-p1", "p-c|s-p1"),
                rows("SELECT item_id || '|' || story_id FROM copies WHERE item_id LIKE 'p-%' ORDER BY item_id"));
        assertEquals(List.of("s-p2|s-p1"), rows("SELECT alias_id || '|' || story_id FROM story_aliases "
                + "WHERE alias_id = 's-p2'"));
    }

    @Test
    void aReplayThatOpensAStoryWithANewItemFoldsItIntoTheStoredStoryOnceACopyShowsTheyAreOne() throws Exception {
        try (PostgresSink sink = sink()) {
            writeAndCommit(sink, List.of(alert("s-q1", "q-b", STORY, null, FIRST_RUN),
                    alert("s-q1", "q-a", COPY, "q-b", FIRST_RUN.plusSeconds(1))));
            // q-d is new (new rules tag it) and opens the replay's story; q-b then joins it as a copy.
            Alert opener = alert("s-q2", "q-d", STORY, null, REPLAY);
            writeAndCommit(sink, List.of(new Alert(opener.schemaVersion(), opener.kind(), opener.storyId(),
                    opener.itemId(), opener.url(), opener.title(), opener.outlet(), opener.feedUrl(), opener.published(),
                    opener.fetched(), opener.alerted(), List.of("russia-us-cooperation"), opener.matches(), null, null,
                    "test", opener.relevance(), opener.language(), opener.text())));
            assertEquals(2, rows("SELECT 1 FROM stories WHERE story_id IN ('s-q1', 's-q2')").size());
            writeAndCommit(sink, List.of(alert("s-q2", "q-b", COPY, "q-d", REPLAY.plusSeconds(1)),
                    alert("s-q2", "q-a", COPY, "q-d", REPLAY.plusSeconds(2))));
        }
        assertEquals(List.of("s-q1|q-b|3"), rows("SELECT story_id || '|' || first_item_id || '|' || outlet_count "
                + "FROM stories WHERE story_id IN ('s-q1', 's-q2')"));
        assertEquals(List.of("q-a|s-q1|copy", "q-b|s-q1|story", "q-d|s-q1|copy"), rows("SELECT item_id || '|' || "
                + "story_id || '|' || kind FROM copies WHERE item_id LIKE 'q-%' ORDER BY item_id"));
        assertEquals(List.of("russia-us-cooperation", "space-station"),
                rows("SELECT tag FROM tags WHERE story_id = 's-q1' ORDER BY tag"));
        assertEquals(List.of("s-q2|s-q1"), rows("SELECT alias_id || '|' || story_id FROM story_aliases "
                + "WHERE story_id = 's-q1'"));
    }

    @Test
    void anAlertOlderThanTheStoredStoryGivesItItsId() throws Exception {
        try (PostgresSink sink = sink()) {
            writeAndCommit(sink, List.of(alert("s-r2", "r-a", STORY, null, REPLAY)));
            writeAndCommit(sink, List.of(alert("s-r1", "r-a", COPY, "r-b", FIRST_RUN),
                    alert("s-r1", "r-b", STORY, null, FIRST_RUN.plusSeconds(1))));
        }
        assertEquals(List.of("s-r1|r-b|2|" + FIRST_RUN.getEpochSecond()), rows("SELECT story_id || '|' || "
                + "first_item_id || '|' || outlet_count || '|' || extract(epoch FROM first_seen)::bigint FROM stories "
                + "WHERE story_id IN ('s-r1', 's-r2')"));
        assertEquals(List.of("s-r2|s-r1"), rows("SELECT alias_id || '|' || story_id FROM story_aliases "
                + "WHERE story_id = 's-r1'"));
        assertEquals(List.of("r-a|copy", "r-b|story"), rows("SELECT item_id || '|' || kind FROM copies "
                + "WHERE story_id = 's-r1' ORDER BY item_id"), "one item heads a story");
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
        all.addAll(rows("SELECT alias_id, story_id FROM story_aliases ORDER BY alias_id"));
        return all;
    }

    private static List<String> rows(String sql) throws SQLException {
        return db.rows(sql);
    }
}
