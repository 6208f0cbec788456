package dev.newsmon.sink.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Versioned schema migrations, applied at start-up in order, each in its own transaction with its row in
 * {@code schema_migrations}. An advisory lock makes two sinks starting at once apply each version once.
 * A migration is never edited once released: a change is a new file.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** In order; the number before {@code __} is the version. */
    static final List<String> FILES = List.of("V1__stories_copies_tags.sql", "V2__story_aliases.sql");
    private static final long LOCK_KEY = 0x6e6577736d6f6eL; // "newsmon"

    private Migrations() {
    }

    /** Applies every migration not yet applied; returns the versions applied now. */
    public static List<Integer> apply(Connection db) throws SQLException, IOException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            try (Statement st = db.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                        + "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            }
            db.commit();
            List<Integer> applied = new ArrayList<>();
            for (String file : FILES) {
                int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
                try (Statement st = db.createStatement()) {
                    st.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                }
                if (appliedVersions(db).contains(version)) {
                    db.commit();
                    continue;
                }
                try (Statement st = db.createStatement()) {
                    st.execute(read(file));
                }
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT INTO schema_migrations (version, name) VALUES (?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, file);
                    ps.executeUpdate();
                }
                db.commit();
                LOG.info("applied migration version={} file={}", version, file);
                applied.add(version);
            }
            return applied;
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static Set<Integer> appliedVersions(Connection db) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_migrations")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static String read(String file) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException("migration " + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
