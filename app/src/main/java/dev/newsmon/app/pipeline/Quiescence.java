package dev.newsmon.app.pipeline;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tells when every consumer group of the pipeline has handled everything written to its inputs, so
 * {@code run --once} can stop. It reads what Kafka itself knows (committed offsets against log ends), and so
 * works the same for one JVM or many.
 * <p>
 * A committed offset may stay one short of the log end forever under transactions: the last "record" is then a
 * commit marker, which a consumer skips without anything new to commit. So a partition that looks behind is
 * read from its committed offset by a probe consumer: it is drained when that read finds no record and ends at
 * the log end.
 */
public final class Quiescence {
    private static final Duration STEP = Duration.ofMillis(300);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final Consumer<byte[], byte[]> probe;
    /** Why the last check was not idle, for the timeout's message. */
    private String lastLag = "nothing checked yet";

    /** @param probe a read_committed consumer without a group, used only through assign and seek */
    public Quiescence(Admin admin, Consumer<byte[], byte[]> probe) {
        this.admin = admin;
        this.probe = probe;
    }

    /**
     * Waits until every group has drained its topics, twice in a row.
     *
     * @param inputs per consumer group, a function from all topic names to that group's input topics
     */
    public void await(Map<String, Function<Collection<String>, Collection<String>>> inputs, Duration timeout)
            throws InterruptedException, TimeoutException {
        Instant deadline = Instant.now().plus(timeout);
        int idleInARow = 0;
        while (idleInARow < 2) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("the pipeline still had records in flight after " + timeout + ": " + lastLag);
            }
            idleInARow = idle(inputs) ? idleInARow + 1 : 0;
            Thread.sleep(STEP.toMillis());
        }
    }

    boolean idle(Map<String, Function<Collection<String>, Collection<String>>> inputs) throws InterruptedException {
        try {
            Collection<String> allTopics = admin.listTopics().names().get();
            for (Map.Entry<String, Function<Collection<String>, Collection<String>>> group : inputs.entrySet()) {
                Collection<String> topics = group.getValue().apply(allTopics);
                if (!drained(group.getKey(), topics)) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException e) {
            // The broker may be busy electing or restarting; "not idle yet" is the safe answer.
            lastLag = "cannot read offsets: " + e.getCause();
            return false;
        }
    }

    private boolean drained(String groupId, Collection<String> topics) throws ExecutionException,
            InterruptedException {
        if (topics.isEmpty()) {
            return true;
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        List<TopicPartition> partitions = described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
        ListOffsetsResult ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest())));
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> behind = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long end = ends.partitionResult(tp).get().offset();
            OffsetAndMetadata c = committed.get(tp);
            long at = c == null ? 0 : c.offset();
            if (at < end) {
                behind.put(tp, at);
            }
        }
        if (behind.isEmpty() || onlyMarkersLeft(behind, ends)) {
            return true;
        }
        lastLag = "group " + groupId + " is behind at " + behind;
        return false;
    }

    private boolean onlyMarkersLeft(Map<TopicPartition, Long> behind, ListOffsetsResult ends)
            throws ExecutionException, InterruptedException {
        probe.assign(behind.keySet());
        behind.forEach(probe::seek);
        // A fetch of an earlier check may still be in flight (a long poll at the log end): poll until the positions
        // move past what is left, or a record shows up, rather than judging on one short poll.
        Instant deadline = Instant.now().plus(PROBE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!probe.poll(Duration.ofMillis(100)).isEmpty()) {
                return false;
            }
            boolean atEnd = true;
            for (TopicPartition tp : behind.keySet()) {
                atEnd &= probe.position(tp) >= ends.partitionResult(tp).get().offset();
            }
            if (atEnd) {
                return true;
            }
        }
        return false;
    }
}
