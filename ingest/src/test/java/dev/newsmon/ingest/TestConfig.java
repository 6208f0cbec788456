package dev.newsmon.ingest;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.ConfigLoader;
import dev.newsmon.common.config.NewsmonConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * A configuration for tests. Not {@code NewsmonConfig.defaults()}: in common as of this branch it fails, because
 * ingest.feeds defaults to empty (null) and NewsmonConfig copies its values with Map.copyOf, which rejects nulls.
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
