package dev.newsmon.app.cli;

import dev.newsmon.app.ops.LogFormat;
import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.ConfigLoader;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options every command shares: the config layers a person sets from the command line. */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (see docs/configuration.md).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka cluster to use (kafka.bootstrap.servers). Without it, demo, run and bench start "
                    + "the embedded broker under data.dir; the other commands that use Kafka stop and ask for it.")
    String bootstrapServers;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set any configuration key, e.g. --set processor.dedup.window=3d (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Defaults, then --config, then NEWSMON_* variables, then --set and the command's own flags. */
    public NewsmonConfig load(Map<String, String> commandFlags) throws ConfigException {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (bootstrapServers != null) {
            overrides.put("kafka.bootstrap.servers", bootstrapServers);
        }
        overrides.putAll(commandFlags);
        NewsmonConfig config = ConfigLoader.load(configFile, System.getenv(), overrides);
        LogFormat.apply(config.get(Settings.LOG_FORMAT));
        return config;
    }
}
