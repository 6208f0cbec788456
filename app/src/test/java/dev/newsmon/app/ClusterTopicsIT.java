package dev.newsmon.app;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.kafka.TopicAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
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

    @Test
    void anExistingTopicKeepsItsConfigsAndTheDifferenceIsNamedWithTheCommandThatAlignsIt() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BROKER.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("older.seen", 1, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, "compact", TopicConfig.RETENTION_MS_CONFIG, "86400000"))))
                    .all().get();
            Map<String, Map<String, String>> wanted = Map.of("older.seen", Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete", TopicConfig.RETENTION_MS_CONFIG, "3600000"),
                    "absent.topic", Topics.COMPACTED);

            TopicAdmin.ensureTopics(admin, List.of("older.seen"), wanted, 1, (short) 1);

            assertEquals("compact", config(admin, "older.seen").get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            assertEquals(List.of(
                    "topic older.seen has cleanup.policy=compact where newsmon creates it with"
                            + " cleanup.policy=compact,delete (kafka-configs --alter --entity-type topics"
                            + " --entity-name older.seen --add-config 'cleanup.policy=[compact,delete]')",
                    "topic older.seen has retention.ms=86400000 where newsmon creates it with retention.ms=3600000"
                            + " (kafka-configs --alter --entity-type topics --entity-name older.seen --add-config"
                            + " 'retention.ms=3600000')"),
                    TopicAdmin.configDifferences(admin, wanted));
            assertEquals(List.of(), TopicAdmin.configDifferences(admin,
                    Map.of("older.seen", Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"))));
        }
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(Set.of(resource)).all().get().get(resource);
    }
}
