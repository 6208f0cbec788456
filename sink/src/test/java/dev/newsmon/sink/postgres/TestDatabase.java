package dev.newsmon.sink.postgres;

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

/** A database of its own on the real PostgreSQL at 127.0.0.1:5432 (started by .ci/run), dropped after the tests. */
final class TestDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name = "newsmon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    TestDatabase() throws SQLException {
        admin("CREATE DATABASE " + name);
    }

    String url() {
        return SERVER + name;
    }

    static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return p;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), credentials()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Each row of {@code sql} as its columns joined by {@code |}. */
    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(), credentials());
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

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", credentials());
             Statement st = admin.createStatement()) {
            st.execute(sql);
        }
    }
}
