package dev.newsmon.common.config;

import java.util.Locale;

/**
 * One documented configuration key.
 *
 * @param key          dotted name, as written in the config file
 * @param type         what the value must be
 * @param defaultValue the default, in the same text form a user writes
 * @param doc          one sentence for the configuration reference
 */
public record Setting<T>(String key, ValueType type, String defaultValue, String doc) {

    /** The environment variable that sets this key: NEWSMON_ then the key upper-cased, dots and dashes as underscores. */
    public String envName() {
        return envName(key);
    }

    static String envName(String key) {
        return "NEWSMON_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
