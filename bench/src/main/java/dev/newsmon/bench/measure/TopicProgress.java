package dev.newsmon.bench.measure;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Records in a topic and how far a consumer group has committed through it, summed over partitions. */
public final class TopicProgress {
    private final Admin admin;
    private final String topic;

    public TopicProgress(Admin admin, String topic) {
        this.admin = admin;
        this.topic = topic;
    }

    /** Sum of the log-end offsets: records written (transaction markers included). */
    public long end() throws ExecutionException, InterruptedException {
        return ends().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Commits offsets at the topic's current end for a group that has not started yet, so that it reads only what
     * is written from now on.
     */
    public void startAtEnd(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = ends().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }

    private Map<TopicPartition, Long> ends() throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        ListOffsetsResult ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest())));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            offsets.put(tp, ends.partitionResult(tp).get().offset());
        }
        return offsets;
    }

    /** Sum of the group's committed offsets on the topic; 0 before its first commit. */
    public long committed(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
