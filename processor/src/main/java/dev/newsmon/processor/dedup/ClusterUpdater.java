package dev.newsmon.processor.dedup;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.StoryCluster;
import dev.newsmon.processor.ProcessorNames;
import dev.newsmon.processor.StateStores;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps each story's cluster, fed by the alerts (keyed by story id, so one task owns each story), and forwards
 * every change. A cluster is stored at its first item's record time and kept for three windows: its copies arrive
 * at most two windows after it (see the directory's retention in {@link Resolver}).
 */
public final class ClusterUpdater implements Processor<String, Alert, String, StoryCluster> {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterUpdater.class);
    private static final int RETENTION_WINDOWS = 3;

    private final long reachMs;
    private ProcessorContext<String, StoryCluster> context;
    private WindowStore<String, StoryCluster> clusters;

    private ClusterUpdater(Duration window) {
        this.reachMs = window.toMillis() * RETENTION_WINDOWS;
    }

    public static ProcessorSupplier<String, Alert, String, StoryCluster> supplier(Duration window,
                                                                                 StateStores stores) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Alert, String, StoryCluster> get() {
                return new ClusterUpdater(window);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.window(ProcessorNames.CLUSTER_STORE, window.multipliedBy(RETENTION_WINDOWS),
                        false, DedupSerdes.clusters()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, StoryCluster> context) {
        this.context = context;
        this.clusters = context.getStateStore(ProcessorNames.CLUSTER_STORE);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        long ts = record.timestamp();
        Optional<KeyValue<Long, StoryCluster>> current = find(alert.storyId(), ts);
        if (current.isEmpty()) {
            if (alert.kind() == Alert.Kind.COPY) {
                LOG.info("copy of a story no longer kept, it opens the cluster story_id={} item_id={}",
                        alert.storyId(), alert.itemId());
            }
            publish(record, StoryClusters.open(alert, now), ts);
            return;
        }
        long anchor = current.get().key;
        StoryClusters.add(current.get().value, alert, now).ifPresent(c -> publish(record, c, anchor));
    }

    private Optional<KeyValue<Long, StoryCluster>> find(String storyId, long ts) {
        try (WindowStoreIterator<StoryCluster> it =
                     clusters.fetch(storyId, Math.max(0, ts - reachMs), ts + reachMs)) {
            return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
        }
    }

    private void publish(Record<String, Alert> record, StoryCluster cluster, long anchor) {
        clusters.put(cluster.storyId(), cluster, anchor);
        context.forward(record.withKey(cluster.storyId()).withValue(cluster));
    }
}
