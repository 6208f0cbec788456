package dev.newsmon.sink.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.story.StoryStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * The tables {@code stories}, {@code copies}, {@code tags} and {@code story_aliases} as a {@link StoryStore}, on
 * one connection, inside the caller's transaction.
 */
final class PostgresStories implements StoryStore<SQLException> {
    private static final String INSERT_COPY = """
            INSERT INTO copies (item_id, story_id, kind, outlet, title, url, feed_url, published, fetched, alerted,
                                similarity, copy_of, matches, relevance, language, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
            ON CONFLICT (item_id) DO NOTHING""";
    // The story row is made by whichever of its items comes first; the story's own first item (kind 'story', with
    // the story's id) sets its headline.
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
    private static final String NAMED = """
            SELECT story_id FROM stories WHERE story_id = ?
            UNION ALL SELECT story_id FROM story_aliases WHERE alias_id = ?""";
    private static final String COPY_STORY_ROW = """
            INSERT INTO stories (story_id, first_item_id, title, url, outlet, first_seen, latest_seen, outlet_count,
                                 rules_version)
            SELECT ?, first_item_id, title, url, outlet, LEAST(first_seen, ?), latest_seen, outlet_count, rules_version
            FROM stories WHERE story_id = ?""";
    private static final String FOLD_STORY_ROW = """
            UPDATE stories i SET first_seen   = LEAST(i.first_seen, f.first_seen),
                                 latest_seen  = GREATEST(i.latest_seen, f.latest_seen),
                                 outlet_count = (SELECT count(*) FROM copies WHERE story_id = i.story_id)
            FROM stories f WHERE i.story_id = ? AND f.story_id = ?""";

    private final Connection db;

    PostgresStories(Connection db) {
        this.db = db;
    }

    @Override
    public Optional<String> storyOfItem(String itemId) throws SQLException {
        return text("SELECT story_id FROM copies WHERE item_id = ?", itemId);
    }

    @Override
    public Optional<String> storyNamed(String storyId) throws SQLException {
        return text(NAMED, storyId, storyId);
    }

    @Override
    public Instant firstSeen(String storyId) throws SQLException {
        try (PreparedStatement ps = statement("SELECT first_seen FROM stories WHERE story_id = ?", storyId);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no story_id=" + storyId + " in stories");
            }
            return rs.getTimestamp(1).toInstant();
        }
    }

    @Override
    public void add(Alert alert, String storyId) throws SQLException {
        // The story row before the item row, which references it.
        boolean first = opens(alert, storyId);
        if (first) {
            // The item that headed the story until now (a copy that came first, a replay's opener) is a copy.
            update("UPDATE copies SET kind = 'copy' WHERE story_id = ? AND kind = 'story'", storyId);
        }
        upsertStory(alert, storyId, first);
        try (PreparedStatement copy = db.prepareStatement(INSERT_COPY)) {
            int i = 1;
            copy.setString(i++, alert.itemId());
            copy.setString(i++, storyId);
            // A story alert filed under another story is a copy of that one.
            copy.setString(i++, (first ? Alert.Kind.STORY : Alert.Kind.COPY).wireName());
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
            copy.setString(i++, json(alert, alert.matches(), "matches"));
            copy.setString(i++, alert.relevance().isEmpty() ? null : json(alert, alert.relevance(), "relevance"));
            copy.setString(i++, alert.language());
            copy.setString(i, alert.text());
            copy.executeUpdate();
        }
        try (PreparedStatement tag = db.prepareStatement(INSERT_TAG)) {
            for (String t : alert.tags()) {
                tag.setString(1, storyId);
                tag.setString(2, t);
                tag.addBatch();
            }
            tag.executeBatch();
        }
    }

    @Override
    public void alias(String aliasId, String storyId) throws SQLException {
        update("INSERT INTO story_aliases (alias_id, story_id) VALUES (?, ?)", aliasId, storyId);
    }

    @Override
    public void rename(String from, String to, Instant seen) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(COPY_STORY_ROW)) {
            ps.setString(1, to);
            ps.setTimestamp(2, ts(seen));
            ps.setString(3, from);
            ps.executeUpdate();
        }
        update("UPDATE copies SET story_id = ? WHERE story_id = ?", to, from);
        move(from, to);
    }

    @Override
    public void fold(String from, String into) throws SQLException {
        // The joined story's first item is a copy in the older story, whose headline stays.
        update("UPDATE copies SET story_id = ?, kind = 'copy' WHERE story_id = ?", into, from);
        move(from, into);
    }

    /** Moves the tags, the aliases and the counts of {@code from}, whose items are moved, into {@code into}. */
    private void move(String from, String into) throws SQLException {
        update("INSERT INTO tags (story_id, tag) SELECT ?, tag FROM tags WHERE story_id = ? ON CONFLICT DO NOTHING",
                into, from);
        update("DELETE FROM tags WHERE story_id = ?", from);
        update("UPDATE story_aliases SET story_id = ? WHERE story_id = ?", into, from);
        update(FOLD_STORY_ROW, into, from);
        update("DELETE FROM stories WHERE story_id = ?", from);
        alias(from, into);
    }

    /** Whether the alert is about the item that opened the story: the story alert of that story's own id. */
    private static boolean opens(Alert alert, String storyId) {
        return alert.kind() == Alert.Kind.STORY && alert.storyId().equals(storyId);
    }

    private void upsertStory(Alert alert, String storyId, boolean first) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(UPSERT_STORY)) {
            int i = 1;
            ps.setString(i++, storyId);
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

    private Optional<String> text(String sql, String... args) throws SQLException {
        try (PreparedStatement ps = statement(sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private void update(String sql, String... args) throws SQLException {
        try (PreparedStatement ps = statement(sql, args)) {
            ps.executeUpdate();
        }
    }

    private PreparedStatement statement(String sql, String... args) throws SQLException {
        PreparedStatement ps = db.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static String json(Alert alert, Object field, String name) throws SQLException {
        try {
            return Json.mapper().writeValueAsString(field);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write the " + name + " of item_id=" + alert.itemId() + " as JSON", e);
        }
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
