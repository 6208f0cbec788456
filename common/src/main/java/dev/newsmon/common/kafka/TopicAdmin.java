package dev.newsmon.common.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Creates newsmon's topics at start-up when they are absent; existing topics are left as they are. */
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
     * A created topic reaches the brokers' metadata a little after the controller acknowledged it; a client asking
     * in between (Kafka Streams' global consumer does, at start) would see no partitions and fail.
     */
    private static void awaitVisible(Admin admin, List<String> names) throws InterruptedException {
        Instant deadline = Instant.now().plus(VISIBLE_TIMEOUT);
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("created topics " + names + " are not visible: "
                            + e.getCause().getMessage(), e.getCause());
                }
                Thread.sleep(RETRY.toMillis());
            }
        }
    }
}
