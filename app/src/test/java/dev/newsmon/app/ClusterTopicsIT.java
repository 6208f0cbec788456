package dev.newsmon.app;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topics newsmon creates at start-up, with the configs the broker reports for them. */
class ClusterTopicsIT {
    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();

    @Test
    void theSeenSetIsCompactedAndDeletedAfterItsRetentionAndTheKeyedTopicsAreCompacted() throws Exception {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
                "kafka.bootstrap.servers", BROKER.bootstrapServers(),
                "ingest.seen.retention", "2d"));
        Cluster.open(config).close();

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BROKER.bootstrapServers()))) {
            assertTrue(admin.listTopics().names().get().containsAll(Topics.ALL));
            Config seen = config(admin, Topics.INGEST_SEEN);
            assertEquals(Set.of("compact", "delete"),
                    Set.of(seen.get(TopicConfig.CLEANUP_POLICY_CONFIG).value().split(",")));
            assertEquals(Long.toString(2 * 24 * 3600 * 1000L), seen.get(TopicConfig.RETENTION_MS_CONFIG).value());
            for (String keyed : Set.of(Topics.FEEDS, Topics.FEED_STATUS)) {
                assertEquals("compact", config(admin, keyed).get(TopicConfig.CLEANUP_POLICY_CONFIG).value(), keyed);
            }
            assertEquals("delete", config(admin, Topics.ITEMS).get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        }
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(Set.of(resource)).all().get().get(resource);
    }
}
