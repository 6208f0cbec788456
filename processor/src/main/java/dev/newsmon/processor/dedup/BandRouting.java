package dev.newsmon.processor.dedup;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Sends each {@link BandProbe} to the partition of the band repartition topic that owns its band keys. A band key's
 * partition is the one Kafka's default partitioner gives a record keyed by the key (murmur2 of its UTF-8 bytes), as
 * when every band travelled alone keyed by its band key: the band buckets of a running deployment stay on the tasks
 * that hold them. {@link BandProbe#of} puts together the bands of an item that share a partition, so every band of a
 * probe has the partition this routes it to.
 */
public final class BandRouting implements StreamPartitioner<String, BandProbe> {
    private final int partitions;

    /** @param partitions the partitions of the band repartition topic, as the probes were grouped for */
    public BandRouting(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions: " + partitions);
        }
        this.partitions = partitions;
    }

    public static int partition(String bandKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(bandKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The probe's partition. Kafka Streams creates the topic with the partitions the probes were grouped for, so
     * {@code numPartitions} is that number; the modulo only matters where it is not (the test driver has one
     * partition), and keeps every band key on one partition there too.
     */
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, BandProbe probe, int numPartitions) {
        return Optional.of(Set.of(partition(probe.keys().get(0), partitions) % numPartitions));
    }
}
