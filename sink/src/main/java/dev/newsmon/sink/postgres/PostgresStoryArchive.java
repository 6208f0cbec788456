package dev.newsmon.sink.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;
import dev.newsmon.sink.http.SearchHit;
import dev.newsmon.sink.http.SearchQuery;
import dev.newsmon.sink.http.StoryArchive;
import dev.newsmon.sink.http.StoryView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Searches the PostgreSQL sink's tables (full text over the {@code copies.search} column, see
 * {@code V2__copies_search.sql}, {@code V5__copies_search_russian.sql} and {@code V6__copies_text.sql}) and rebuilds
 * stories from them for the dashboard. Read-only, with a connection per request: searches come from people, a few a
 * minute, so no connection is held between them.
 */
public final class PostgresStoryArchive implements StoryArchive {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStoryArchive.class);
    /** As in {@code V6__copies_text.sql}: Russian stems for Cyrillic words, English ones for ASCII. */
    private static final String CONFIG = "russian";
    /** Marks around each matching word in ts_headline's output; neither occurs in a headline. */
    private static final char START = '\u0002';
    private static final char STOP = '\u0003';
    private static final String SEARCH = """
            SELECT c.story_id, max(ts_rank(c.search, q.query)) AS rank, max(c.alerted) AS latest
            FROM copies c, websearch_to_tsquery('%1$s', ?) AS q(query)
            WHERE (? OR c.search @@ q.query)
              AND c.alerted >= coalesce(?::timestamptz, '-infinity')
              AND c.alerted < coalesce(?::timestamptz, 'infinity')
              AND (?::text IS NULL OR EXISTS (SELECT 1 FROM tags t WHERE t.story_id = c.story_id AND t.tag = ?))
            GROUP BY c.story_id
            ORDER BY rank DESC, latest DESC
            LIMIT ?""".formatted(CONFIG);
    private static final String COPIES = """
            SELECT c.item_id, c.story_id, c.kind, c.url, c.title, c.outlet, c.feed_url, c.published, c.fetched,
                   c.alerted, c.matches::text, c.similarity, c.copy_of, s.rules_version, c.relevance::text,
                   c.language,
                   ts_headline('%1$s', c.title, websearch_to_tsquery('%1$s', ?), ?) AS marked
            FROM copies c JOIN stories s USING (story_id)
            WHERE c.story_id = ANY (?)
            ORDER BY c.alerted, c.item_id""".formatted(CONFIG);
    private static final String TAGS = "SELECT story_id, tag FROM tags WHERE story_id = ANY (?)";
    private static final String ALIASES = "SELECT story_id, alias_id FROM story_aliases WHERE story_id = ANY (?)";
    private static final String STORED_ID =
            "SELECT coalesce((SELECT story_id FROM story_aliases WHERE alias_id = ?), ?)";
    private static final TypeReference<Map<String, List<TagMatch>>> MATCHES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, TagRelevance>> RELEVANCE = new TypeReference<>() {
    };

    private final String url;
    private final Properties credentials;

    public PostgresStoryArchive(String url, Properties credentials) {
        this.url = url;
        this.credentials = credentials;
    }

    /** The archive of the database the PostgreSQL sink of {@code config} writes to. */
    public static PostgresStoryArchive create(NewsmonConfig config, Map<String, String> env) {
        return new PostgresStoryArchive(config.get(Settings.SINK_POSTGRES_URL),
                PostgresSink.credentials(config, env, "newsmon-dashboard"));
    }

    @Override
    public List<SearchHit> search(SearchQuery query) throws IOException {
        try (Connection c = connect()) {
            Map<String, Double> ranks = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(SEARCH)) {
                int i = 1;
                ps.setString(i++, query.text());
                ps.setBoolean(i++, query.text().isEmpty());
                ps.setTimestamp(i++, ts(query.from()));
                ps.setTimestamp(i++, ts(query.to()));
                if (query.tag() == null) {
                    ps.setNull(i++, Types.VARCHAR);
                    ps.setNull(i++, Types.VARCHAR);
                } else {
                    ps.setString(i++, query.tag());
                    ps.setString(i++, query.tag());
                }
                ps.setInt(i, query.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ranks.put(rs.getString(1), rs.getDouble(2));
                    }
                }
            }
            Map<String, Loaded> stories = load(c, List.copyOf(ranks.keySet()), query.text());
            List<SearchHit> hits = new ArrayList<>();
            ranks.forEach((id, rank) -> {
                Loaded s = stories.get(id);
                if (s != null) {
                    hits.add(new SearchHit(s.view(), rank, s.titleHits()));
                }
            });
            return hits;
        } catch (SQLException e) {
            throw new IOException("cannot search alerts for " + query.describe() + " in " + url + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoryView> story(String storyId) throws IOException {
        try (Connection c = connect()) {
            String stored = storedId(c, storyId);
            return Optional.ofNullable(load(c, List.of(stored), "").get(stored)).map(Loaded::view);
        } catch (SQLException e) {
            throw new IOException("cannot read story_id=" + storyId + " from " + url + ": " + e.getMessage(), e);
        }
    }

    /** The id a story is stored under, for any of its ids (docs/stories.md). */
    private static String storedId(Connection c, String storyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STORED_ID)) {
            ps.setString(1, storyId);
            ps.setString(2, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** A story rebuilt from its rows, and the words of its headline that match the search. */
    private record Loaded(StoryView view, List<MatchedTerm> titleHits) {
    }

    private Map<String, Loaded> load(Connection c, List<String> ids, String text) throws SQLException {
        Map<String, TreeSet<String>> tags = new HashMap<>();
        Array idArray = c.createArrayOf("text", ids.toArray());
        try (PreparedStatement ps = c.prepareStatement(TAGS)) {
            ps.setArray(1, idArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
        }
        Map<String, StoryView> views = new HashMap<>();
        Map<String, String> marked = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COPIES)) {
            ps.setString(1, text);
            ps.setString(2, "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true");
            ps.setArray(3, idArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Alert a = alert(rs, List.copyOf(tags.getOrDefault(rs.getString("story_id"), new TreeSet<>())));
                    StoryView old = views.get(a.storyId());
                    views.put(a.storyId(), old == null ? StoryView.of(a) : old.with(a));
                    marked.putIfAbsent(a.title(), rs.getString("marked"));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ALIASES)) {
            ps.setArray(1, idArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoryView v = views.get(rs.getString(1));
                    if (v != null) {
                        views.put(v.storyId(), v.withAlias(rs.getString(2)));
                    }
                }
            }
        }
        Map<String, Loaded> out = new HashMap<>();
        views.forEach((id, v) -> out.put(id, new Loaded(v, text.isEmpty() ? List.of() : hits(marked.get(v.title())))));
        return out;
    }

    private static Alert alert(ResultSet rs, List<String> tags) throws SQLException {
        String itemId = rs.getString("item_id");
        Map<String, List<TagMatch>> matches = read(itemId, rs.getString("matches"), MATCHES, "matches");
        String relevance = rs.getString("relevance");
        Map<String, TagRelevance> relevances = relevance == null ? Map.of()
                : read(itemId, relevance, RELEVANCE, "relevance");
        double similarity = rs.getDouble("similarity");
        Double storedSimilarity = rs.wasNull() ? null : similarity;
        return new Alert(Alert.SCHEMA_VERSION, Alert.Kind.fromWire(rs.getString("kind")), rs.getString("story_id"),
                itemId, rs.getString("url"), rs.getString("title"), rs.getString("outlet"),
                rs.getString("feed_url"), instant(rs, "published"), instant(rs, "fetched"), instant(rs, "alerted"),
                tags, matches, storedSimilarity, rs.getString("copy_of"),
                rs.getString("rules_version"), relevances, rs.getString("language"),
                // Not read back: a story's page shows no text, and would load up to 20,000 characters a copy.
                null);
    }

    /** A stored JSON column, or an empty map with a warning: one unreadable row must not hide its story. */
    private static <T> Map<String, T> read(String itemId, String json, TypeReference<Map<String, T>> type,
                                           String column) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            LOG.warn("stored {} of item_id={} cannot be read: {}", column, itemId, e.getMessage());
            return Map.of();
        }
    }

    /** The spans between the marks of ts_headline's output, as offsets into the unmarked headline. */
    static List<MatchedTerm> hits(String marked) {
        List<MatchedTerm> out = new ArrayList<>();
        if (marked == null) {
            return out;
        }
        StringBuilder plain = new StringBuilder();
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char ch = marked.charAt(i);
            if (ch == START) {
                start = plain.length();
            } else if (ch == STOP && start >= 0) {
                out.add(new MatchedTerm("title", plain.substring(start), start, plain.length()));
                start = -1;
            } else {
                plain.append(ch);
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, credentials);
        c.setReadOnly(true);
        return c;
    }
}
