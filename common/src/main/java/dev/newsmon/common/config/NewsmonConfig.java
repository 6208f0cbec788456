package dev.newsmon.common.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** A validated, immutable configuration: every known key typed, plus the Kafka client pass-through. */
public final class NewsmonConfig {
    private final Map<String, Object> values;
    private final Map<String, String> kafka;

    NewsmonConfig(Map<String, Object> values, Map<String, String> kafka) {
        // Not Map.copyOf: a setting without a default (ingest.feeds) is held as null, which copyOf rejects.
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.kafka = Map.copyOf(kafka);
    }

    /** The defaults alone, as every test that needs "the production config" starts from. */
    public static NewsmonConfig defaults() {
        try {
            return ConfigLoader.load(null, Map.of(), Map.of());
        } catch (ConfigException e) {
            throw new IllegalStateException("the built-in defaults do not validate: " + e.getMessage(), e);
        }
    }

    /** The value of a setting; fails if it is unset (empty) and has no default. */
    public <T> T get(Setting<T> setting) {
        return optional(setting).orElseThrow(
                () -> new IllegalStateException(setting.key() + " is not set (" + setting.envName() + ")"));
    }

    /** The value of a setting, empty when it is set to the empty string. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> optional(Setting<T> setting) {
        if (!values.containsKey(setting.key())) {
            throw new IllegalArgumentException("not a registered setting: " + setting.key());
        }
        return Optional.ofNullable((T) values.get(setting.key()));
    }

    /** Kafka client properties from {@code kafka.*}, prefix removed. */
    public Map<String, String> kafka() {
        return kafka;
    }

    /** The cluster to use; empty means newsmon starts its embedded broker. */
    public Optional<String> bootstrapServers() {
        return Optional.ofNullable(kafka.get("bootstrap.servers")).filter(s -> !s.isBlank());
    }

    /** Kafka client properties with {@code extra} on top, as a client constructor takes them. */
    public Properties kafkaProperties(Map<String, ?> extra) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.putAll(extra);
        return props;
    }

    /** A copy with some keys replaced, validated as the loader validates: CLI flags and tests use it. */
    public NewsmonConfig with(Map<String, String> overrides) throws ConfigException {
        Map<String, Object> v = new LinkedHashMap<>(values);
        Map<String, String> k = new LinkedHashMap<>(kafka);
        ConfigLoader.apply(overrides, "override", v, k, false);
        return new NewsmonConfig(v, k);
    }

    /** Like {@link #with} for values the program itself computed, where a failure is a bug. */
    public NewsmonConfig withKnown(Map<String, String> overrides) {
        try {
            return with(overrides);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
