package dev.newsmon.sink.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The sink's schema, migrated by Flyway at start-up from the versioned files beside this class ({@code V1__...sql},
 * {@code V2__...sql}), each applied once, in order, and recorded in {@code flyway_schema_history}. Flyway's lock
 * makes two sinks starting at once apply each version once. A migration is never edited once released: a change is
 * a new file.
 *
 * <p>Databases set up before Flyway recorded their versions in {@code schema_migrations}; Flyway takes them over
 * at the highest version recorded there and applies only the later files.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String LOCATION = "classpath:dev/newsmon/sink/postgres";
    private static final String LEGACY_TABLE = "schema_migrations";

    private Migrations() {
    }

    /** Applies every migration not yet applied; returns the versions applied now. */
    public static List<String> apply(String url, Properties credentials) throws SQLException {
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(url, credentials.getProperty("user"), credentials.getProperty("password"))
                .locations(LOCATION);
        int legacy = legacyVersion(url, credentials);
        if (legacy > 0) {
            LOG.info("taking over a schema migrated before Flyway at version={} ({})", legacy, LEGACY_TABLE);
            flyway.baselineOnMigrate(true).baselineVersion(Integer.toString(legacy))
                    .baselineDescription("applied before Flyway, recorded in " + LEGACY_TABLE);
        }
        try {
            MigrateResult result = flyway.load().migrate();
            List<String> applied = result.migrations.stream().map(m -> m.version).toList();
            if (!applied.isEmpty()) {
                LOG.info("applied migrations versions={} schema_version={}", applied, result.targetSchemaVersion);
            }
            return applied;
        } catch (FlywayException e) {
            throw new SQLException("cannot migrate the schema at " + url + ": " + e.getMessage(), e);
        }
    }

    /** The highest version the migrator before Flyway recorded, or 0 when Flyway already keeps the history. */
    private static int legacyVersion(String url, Properties credentials) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, credentials); Statement st = c.createStatement()) {
            if (exists(st, "flyway_schema_history") || !exists(st, LEGACY_TABLE)) {
                return 0;
            }
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM " + LEGACY_TABLE)) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static boolean exists(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
