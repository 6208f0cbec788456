package dev.newsmon.app.cli;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;

/** A service run alone belongs to a real cluster: it never starts an embedded broker of its own. */
final class ServiceConfig {
    private ServiceConfig() {
    }

    static NewsmonConfig requireCluster(NewsmonConfig config, String service) throws ConfigException {
        if (config.bootstrapServers().isEmpty()) {
            throw new ConfigException(service + " runs against a cluster: set --bootstrap-servers or "
                    + "kafka.bootstrap.servers (NEWSMON_KAFKA_BOOTSTRAP_SERVERS)");
        }
        return config;
    }
}
