package dev.newsmon.sink.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

/**
 * Writes alerts into PostgreSQL: {@code stories}, {@code copies} (every item of a story) and {@code tags}. Every
 * write is an upsert keyed by item id and story id, and a story's outlet count grows only when its item row is
 * new, so a replay (a crash between the database commit and the offset commit) changes nothing: exactly-once
 * effect. One database transaction per batch, committed by {@link #commit()}.
 */
public final class PostgresSink implements AlertSink {
    private static final String INSERT_COPY = """
            INSERT INTO copies (item_id, story_id, kind, outlet, title, url, feed_url, published, fetched, alerted,
                                similarity, copy_of, matches)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (item_id) DO NOTHING""";
    // The story row is made by whichever of its items comes first; the first item (kind 'story') sets its headline.
    private static final String UPSERT_STORY = """
            INSERT INTO stories AS s (story_id, first_item_id, title, url, outlet, first_seen, latest_seen,
                                      outlet_count, rules_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
            ON CONFLICT (story_id) DO UPDATE SET
                outlet_count  = s.outlet_count + 1,
                first_seen    = LEAST(s.first_seen, EXCLUDED.first_seen),
                latest_seen   = GREATEST(s.latest_seen, EXCLUDED.latest_seen),
                first_item_id = CASE WHEN ? THEN EXCLUDED.first_item_id ELSE s.first_item_id END,
                title         = CASE WHEN ? THEN EXCLUDED.title ELSE s.title END,
                url           = CASE WHEN ? THEN EXCLUDED.url ELSE s.url END,
                outlet        = CASE WHEN ? THEN EXCLUDED.outlet ELSE s.outlet END""";
    private static final String INSERT_TAG = "INSERT INTO tags (story_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSink.class);

    private final String url;
    private final Properties credentials;
    private Connection db;

    /** Connects and migrates the schema: a database that cannot be reached or migrated stops start-up. */
    public PostgresSink(String url, Properties credentials) throws IOException {
        this.url = url;
        this.credentials = credentials;
        connection();
    }

    public static PostgresSink create(NewsmonConfig config, Map<String, String> env) throws IOException {
        return new PostgresSink(config.get(Settings.SINK_POSTGRES_URL), credentials(config, env, "newsmon-sink"));
    }

    /** The user and password of {@code sink.postgres.*}, the password read from the variable it names. */
    static Properties credentials(NewsmonConfig config, Map<String, String> env, String applicationName) {
        Properties props = new Properties();
        props.setProperty("user", config.get(Settings.SINK_POSTGRES_USER));
        String password = env.get(config.get(Settings.SINK_POSTGRES_PASSWORD_ENV));
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", applicationName);
        return props;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void write(Alert alert) throws IOException {
        try {
            Connection c = connection();
            if (itemExists(c, alert.itemId())) {
                return;
            }
            // The story row before the item row, which references it.
            upsertStory(c, alert);
            try (PreparedStatement copy = c.prepareStatement(INSERT_COPY)) {
                int i = 1;
                copy.setString(i++, alert.itemId());
                copy.setString(i++, alert.storyId());
                copy.setString(i++, alert.kind().wireName());
                copy.setString(i++, alert.outlet());
                copy.setString(i++, alert.title());
                copy.setString(i++, alert.url());
                copy.setString(i++, alert.feedUrl());
                copy.setTimestamp(i++, ts(alert.published()));
                copy.setTimestamp(i++, ts(alert.fetched()));
                copy.setTimestamp(i++, ts(alert.alerted()));
                if (alert.similarity() == null) {
                    copy.setNull(i++, Types.DOUBLE);
                } else {
                    copy.setDouble(i++, alert.similarity());
                }
                copy.setString(i++, alert.copyOf());
                copy.setString(i, matchesJson(alert));
                copy.executeUpdate();
            }
            try (PreparedStatement tag = c.prepareStatement(INSERT_TAG)) {
                for (String t : alert.tags()) {
                    tag.setString(1, alert.storyId());
                    tag.setString(2, t);
                    tag.addBatch();
                }
                tag.executeBatch();
            }
        } catch (SQLException e) {
            throw new IOException("cannot write item_id=" + alert.itemId() + " story_id=" + alert.storyId()
                    + " to PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static boolean itemExists(Connection c, String itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM copies WHERE item_id = ?")) {
            ps.setString(1, itemId);
            return ps.executeQuery().next();
        }
    }

    private static void upsertStory(Connection c, Alert alert) throws SQLException {
        boolean first = alert.kind() == Alert.Kind.STORY;
        try (PreparedStatement ps = c.prepareStatement(UPSERT_STORY)) {
            int i = 1;
            ps.setString(i++, alert.storyId());
            ps.setString(i++, alert.itemId());
            ps.setString(i++, alert.title());
            ps.setString(i++, alert.url());
            ps.setString(i++, alert.outlet());
            ps.setTimestamp(i++, ts(alert.alerted()));
            ps.setTimestamp(i++, ts(alert.alerted()));
            ps.setString(i++, alert.rulesVersion());
            for (int k = 0; k < 4; k++) {
                ps.setBoolean(i++, first);
            }
            ps.executeUpdate();
        }
    }

    private static String matchesJson(Alert alert) throws IOException {
        try {
            return Json.mapper().writeValueAsString(alert.matches());
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write the matches of item_id=" + alert.itemId(), e);
        }
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    @Override
    public void commit() throws IOException {
        try {
            connection().commit();
        } catch (SQLException e) {
            dropConnection();
            throw new IOException("cannot commit to PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void rollback() throws IOException {
        if (db == null) {
            return;
        }
        try {
            db.rollback();
        } catch (SQLException e) {
            // A broken connection has nothing to roll back: the server already dropped the transaction.
            dropConnection();
            throw new IOException("cannot roll back on PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                throw new IOException("cannot close the PostgreSQL connection: " + e.getMessage(), e);
            } finally {
                db = null;
            }
        }
    }

    /** The open connection, or a new one (schema migrated) after a failure dropped the old. */
    private Connection connection() throws IOException {
        try {
            if (db == null || db.isClosed()) {
                Migrations.apply(url, credentials);
                Connection c = DriverManager.getConnection(url, credentials);
                c.setAutoCommit(false);
                db = c;
            }
            return db;
        } catch (SQLException e) {
            throw new IOException("cannot connect to PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }

    private void dropConnection() {
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            LOG.debug("closing a broken PostgreSQL connection url={}: {}", url, e.toString());
        } finally {
            db = null;
        }
    }
}
