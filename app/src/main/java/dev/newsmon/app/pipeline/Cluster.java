package dev.newsmon.app.pipeline;

import dev.newsmon.broker.BrokerOptions;
import dev.newsmon.broker.EmbeddedBroker;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.kafka.TopicAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka cluster the services talk to: the one named by {@code kafka.bootstrap.servers}, or else the
 * embedded broker, started here. Either way newsmon's topics exist once {@link #open} returns.
 */
public final class Cluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final NewsmonConfig config;
    private final EmbeddedBroker broker;

    private Cluster(NewsmonConfig config, EmbeddedBroker broker) {
        this.config = config;
        this.broker = broker;
    }

    /**
     * @throws ConfigException when the named cluster cannot be reached: a start-up error, named by its key
     */
    public static Cluster open(NewsmonConfig config) throws ConfigException, IOException, InterruptedException,
            TimeoutException {
        EmbeddedBroker broker = null;
        NewsmonConfig effective = config;
        if (config.bootstrapServers().isEmpty()) {
            BrokerOptions options = BrokerOptions.from(config);
            if (options.port() != 0 && !portFree(options.port())) {
                LOG.warn("port {} is taken; the embedded broker takes a free port instead", options.port());
                options = options.withPort(0);
            }
            broker = EmbeddedBroker.start(options);
            effective = config.withKnown(Map.of("kafka.bootstrap.servers", broker.bootstrapServers()));
        }
        try (Admin admin = admin(effective)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(reachTimeoutMs(effective))).clusterId().get();
            Map<String, Map<String, String>> configs = Topics.configs(effective.get(Settings.INGEST_SEEN_RETENTION));
            TopicAdmin.ensureTopics(admin, Topics.ALL, configs, effective.get(Settings.TOPIC_PARTITIONS),
                    effective.get(Settings.TOPIC_REPLICATION).shortValue());
            warnOfConfigDifferences(admin, configs);
        } catch (ExecutionException e) {
            if (broker != null) {
                broker.close();
            }
            throw new ConfigException("cannot reach Kafka at kafka.bootstrap.servers="
                    + effective.bootstrapServers().orElse("") + ": " + e.getCause().getMessage());
        }
        return new Cluster(effective, broker);
    }

    /** The configuration with {@code kafka.bootstrap.servers} pointing at this cluster. */
    public NewsmonConfig config() {
        return config;
    }

    public Optional<EmbeddedBroker> embedded() {
        return Optional.ofNullable(broker);
    }

    public String bootstrapServers() {
        return config.bootstrapServers().orElseThrow();
    }

    /** An admin client whose calls give up after {@code startup.timeout}. */
    public static Admin admin(NewsmonConfig config) {
        int timeout = reachTimeoutMs(config);
        return Admin.create(config.kafkaProperties(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout)));
    }

    /**
     * Existing topics keep their configs (see {@link TopicAdmin}); one that differs from what newsmon creates, such as
     * a news.ingest-seen made before it had a retention, is named at start-up with the command that aligns it. Not
     * being allowed to describe configs is no reason to refuse to start, so that is only logged too.
     */
    private static void warnOfConfigDifferences(Admin admin, Map<String, Map<String, String>> configs)
            throws InterruptedException {
        try {
            TopicAdmin.configDifferences(admin, configs).forEach(d -> LOG.warn("{}", d));
        } catch (IllegalStateException e) {
            LOG.warn("cannot compare the configs of existing topics with newsmon's: {}", e.getMessage());
        }
    }

    private static int reachTimeoutMs(NewsmonConfig config) {
        return (int) Math.min(Integer.MAX_VALUE, config.get(Settings.STARTUP_TIMEOUT).toMillis());
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (broker != null) {
            broker.close();
        }
    }
}
