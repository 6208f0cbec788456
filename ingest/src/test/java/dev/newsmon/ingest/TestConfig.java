package dev.newsmon.ingest;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.ConfigLoader;
import dev.newsmon.common.config.NewsmonConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * A configuration for tests. Not {@code NewsmonConfig.defaults()}: in the common module this branch is based on it
 * fails (ingest.feeds defaults to null, which Map.copyOf refuses). Once the fix on main is merged, callers can use
 * {@code NewsmonConfig.defaults().withKnown(...)} and this class can go.
 */
public final class TestConfig {
    private TestConfig() {
    }

    public static NewsmonConfig with(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("ingest.feeds", "unused-feeds.yaml"));
        all.putAll(overrides);
        try {
            return ConfigLoader.load(null, Map.of(), all);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
