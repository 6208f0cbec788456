package dev.newsmon.sink.postgres;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real PostgreSQL on 127.0.0.1:5432 (started by .ci/run), in a database of its own. */
class PostgresSinkTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "newsmon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", credentials());
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", credentials());
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void migrationsRunOnceAndAreRecorded() throws Exception {
        try (PostgresSink first = sink(); PostgresSink second = sink()) {
            assertEquals(List.of("1|V1__stories_copies_tags.sql"),
                    rows("SELECT version || '|' || name FROM schema_migrations ORDER BY version"));
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
        return new PostgresSink(SERVER + DATABASE, credentials());
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return p;
    }

    private static List<String> snapshot() throws SQLException {
        List<String> all = new ArrayList<>();
        all.addAll(rows("SELECT * FROM stories ORDER BY story_id"));
        all.addAll(rows("SELECT * FROM copies ORDER BY item_id"));
        all.addAll(rows("SELECT * FROM tags ORDER BY story_id, tag"));
        return all;
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, credentials());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    cols.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", cols));
            }
        }
        return out;
    }
}
