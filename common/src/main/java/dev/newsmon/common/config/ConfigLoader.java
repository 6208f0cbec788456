package dev.newsmon.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.common.io.FileErrors;
import dev.newsmon.common.io.YamlErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link NewsmonConfig} in layers: defaults, then the YAML file, then {@code NEWSMON_*} environment
 * variables, then command-line flags. Each layer is validated as it is applied, so the first bad value stops
 * start-up with a message that names the key, the source and the expected type.
 */
public final class ConfigLoader {
    static final String ENV_PREFIX = "NEWSMON_";
    private static final String KAFKA_ENV_PREFIX = ENV_PREFIX + "KAFKA_";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {
    }

    /**
     * @param file      optional YAML file; null for none
     * @param env       the process environment (only {@code NEWSMON_*} entries are read)
     * @param overrides dotted keys from command-line flags
     */
    public static NewsmonConfig load(Path file, Map<String, String> env, Map<String, String> overrides)
            throws ConfigException {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> kafka = new LinkedHashMap<>();
        for (Setting<?> s : Settings.ALL) {
            values.put(s.key(), parse(s, s.defaultValue(), "default"));
        }
        if (file != null) {
            apply(readFile(file), "file " + file, values, kafka, false);
        }
        apply(fromEnvironment(env), "environment", values, kafka, true);
        apply(overrides, "command line", values, kafka, false);
        return new NewsmonConfig(values, kafka);
    }

    static void apply(Map<String, String> layer, String source, Map<String, Object> values,
                      Map<String, String> kafka, boolean namedByEnv) throws ConfigException {
        for (Map.Entry<String, String> e : layer.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(Settings.KAFKA_PREFIX)) {
                kafka.put(key.substring(Settings.KAFKA_PREFIX.length()), e.getValue());
                continue;
            }
            Setting<?> setting = Settings.ALL.stream().filter(s -> s.key().equals(key)).findFirst()
                    .orElseThrow(() -> new ConfigException("unknown configuration key '"
                            + (namedByEnv ? Setting.envName(key) : key) + "' (" + source
                            + "); see docs/configuration.md or ./newsmon config"));
            values.put(key, parse(setting, e.getValue(), namedByEnv ? setting.envName() + " (" + source + ")" : source));
        }
    }

    private static Object parse(Setting<?> s, String raw, String source) throws ConfigException {
        if (raw == null || (raw.isBlank() && s.type() != ValueType.STRING)) {
            return null;
        }
        try {
            return s.type().parse(raw);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException(s.key() + " expects " + s.type().description() + ", got '" + raw
                    + "' from " + source);
        }
    }

    /** Maps NEWSMON_X_Y to the registered key whose env name it is; NEWSMON_KAFKA_A_B to kafka.a.b. */
    static Map<String, String> fromEnvironment(Map<String, String> env) throws ConfigException {
        Map<String, String> byEnvName = new TreeMap<>();
        for (Setting<?> s : Settings.ALL) {
            byEnvName.put(s.envName(), s.key());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(ENV_PREFIX)) {
                continue;
            }
            String key = byEnvName.get(name);
            if (key == null && name.startsWith(KAFKA_ENV_PREFIX)) {
                key = Settings.KAFKA_PREFIX
                        + name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            }
            if (key == null) {
                throw new ConfigException("unknown environment variable " + name
                        + "; see docs/configuration.md or ./newsmon config");
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    static Map<String, String> readFile(Path file) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + FileErrors.reason(e));
        }
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + " is not valid YAML: " + YamlErrors.describe(e));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + FileErrors.reason(e));
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            if (!root.isObject()) {
                throw new ConfigException("config file " + file + " must be a YAML mapping of keys to values");
            }
            flatten("", root, flat);
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            node.forEach(n -> sb.append(sb.length() == 0 ? "" : ",").append(n.asText()));
            out.put(prefix, sb.toString());
        } else {
            out.put(prefix, node.isNull() ? "" : node.asText());
        }
    }
}
