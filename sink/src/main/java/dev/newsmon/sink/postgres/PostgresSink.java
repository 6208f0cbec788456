package dev.newsmon.sink.postgres;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;
import dev.newsmon.sink.story.StoryReconciler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * Writes alerts into PostgreSQL: {@code stories}, {@code copies} (every item of a story), {@code tags} and
 * {@code story_aliases}. Alerts are filed by item id ({@link StoryReconciler}): an item already stored changes
 * nothing but, when its alert names the story differently (a replay from scratch), the aliases, so a replay leaves
 * one row per story under the id it was first stored under, and a crash between the database commit and the offset
 * commit changes nothing: exactly-once effect. One database transaction per batch, committed by {@link #commit()}.
 */
public final class PostgresSink implements AlertSink {
    /** Serialises the writers of one database: filing by item id reads what another batch may be changing. */
    private static final long STORIES_LOCK = 0x6e6d2d73746f72L; // "nm-stor"

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSink.class);

    private final String url;
    private final Properties credentials;
    private Connection db;
    /** Whether the open transaction holds {@link #STORIES_LOCK}; it is released at its end. */
    private boolean locked;

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
            if (!locked) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_xact_lock(" + STORIES_LOCK + ")");
                }
                locked = true;
            }
            StoryReconciler.file(alert, new PostgresStories(c));
        } catch (SQLException e) {
            throw new IOException("cannot write item_id=" + alert.itemId() + " story_id=" + alert.storyId()
                    + " to PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void commit() throws IOException {
        try {
            connection().commit();
            locked = false;
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
            locked = false;
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
                locked = false;
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
            locked = false;
        }
    }
}
