package dev.newsmon.common.kafka;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Creates newsmon's topics at start-up when they are absent. Existing topics are left as they are: their configs
 * belong to whoever runs the cluster, so a difference from what newsmon would create is reported, not changed.
 */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofMillis(100);

    private TopicAdmin() {
    }

    /**
     * @param topics  names to ensure
     * @param configs the topic configs of those among them not created with the broker's defaults, by name
     */
    public static void ensureTopics(Admin admin, Collection<String> topics, Map<String, Map<String, String>> configs,
                                    int partitions, short replication) throws InterruptedException {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, partitions, replication)
                        .configs(configs.getOrDefault(t, Map.of())))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        List<String> names = missing.stream().map(NewTopic::name).toList();
        try {
            admin.createTopics(missing).all().get();
            LOG.info("created topics {} with {} partitions", names, partitions);
        } catch (ExecutionException e) {
            // Another instance may have created them between our list and our create: that is success.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
            }
        }
        awaitVisible(admin, names);
    }

    /**
     * The differences between the configs of existing topics and {@code configs}, one readable line each, naming
     * the topic, the key, both values and the command that sets newsmon's. A {@code cleanup.policy} is compared as
     * a set of policies. Topics that do not exist are not reported.
     */
    public static List<String> configDifferences(Admin admin, Map<String, Map<String, String>> configs)
            throws InterruptedException {
        Set<String> existing;
        Map<ConfigResource, Config> described;
        try {
            existing = admin.listTopics().names().get();
            described = admin.describeConfigs(configs.keySet().stream().filter(existing::contains)
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe topics: " + e.getCause().getMessage(), e.getCause());
        }
        List<String> differences = new ArrayList<>();
        for (String topic : new TreeSet<>(configs.keySet())) {
            Config config = described.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
            if (config == null) {
                continue;
            }
            for (Map.Entry<String, String> want : new TreeMap<>(configs.get(topic)).entrySet()) {
                ConfigEntry entry = config.get(want.getKey());
                String have = entry == null ? null : entry.value();
                if (!sameValue(want.getKey(), want.getValue(), have)) {
                    String value = want.getValue().contains(",") ? "[" + want.getValue() + "]" : want.getValue();
                    differences.add("topic " + topic + " has " + want.getKey() + "=" + have
                            + " where newsmon creates it with " + want.getKey() + "=" + want.getValue()
                            + " (kafka-configs --alter --entity-type topics --entity-name " + topic
                            + " --add-config '" + want.getKey() + "=" + value + "')");
                }
            }
        }
        return differences;
    }

    private static boolean sameValue(String key, String want, String have) {
        if (have == null) {
            return false;
        }
        if (key.equals(TopicConfig.CLEANUP_POLICY_CONFIG)) {
            return policies(want).equals(policies(have));
        }
        return want.equals(have);
    }

    private static Set<String> policies(String cleanupPolicy) {
        return Arrays.stream(cleanupPolicy.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    /**
     * A created topic reaches the brokers' metadata a little after the controller acknowledged it; a client asking
     * in between (Kafka Streams' global consumer does, at start) would see no partitions and fail.
     */
    private static void awaitVisible(Admin admin, List<String> names) throws InterruptedException {
        RetryPolicy<Object> untilVisible = RetryPolicy.builder()
                .handleIf(e -> e instanceof ExecutionException
                        && e.getCause() instanceof UnknownTopicOrPartitionException)
                .withDelay(RETRY)
                .withMaxRetries(-1)
                .withMaxDuration(VISIBLE_TIMEOUT)
                .build();
        try {
            Failsafe.with(untilVisible).run(() -> admin.describeTopics(names).allTopicNames().get());
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            Throwable cause = e.getCause() instanceof ExecutionException ee ? ee.getCause() : e.getCause();
            throw new IllegalStateException("created topics " + names + " are not visible: " + cause.getMessage(),
                    cause);
        }
    }
}
