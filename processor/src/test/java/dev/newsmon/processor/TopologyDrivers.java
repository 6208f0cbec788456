package dev.newsmon.processor;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.processor.alert.AlertMeters;
import dev.newsmon.processor.tagging.LiveTagger;
import dev.newsmon.processor.tagging.Tagger;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Test drivers of the real topology on in-memory stores. */
public final class TopologyDrivers {
    private TopologyDrivers() {
    }

    /** The test config: defaults, a temporary data dir, in-memory stores, plus {@code overrides}. */
    public static NewsmonConfig config(Path dataDir, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("data.dir", dataDir.toString(),
                // RocksDB flushes on every commit of the driver, which is after every input record.
                "kafka." + StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class.getName()));
        all.putAll(overrides);
        return NewsmonConfig.defaults().withKnown(all);
    }

    public static TopologyTestDriver driver(NewsmonConfig config, Tagger tagger, Instant wallClockStart) {
        return new TopologyTestDriver(NewsTopology.buildTopology(config, tagger), props(config), wallClockStart);
    }

    /** A driver whose tagging follows news.rules, as the processor's does. */
    public static TopologyTestDriver driver(NewsmonConfig config, LiveTagger tagger, Instant wallClockStart) {
        return driver(config, tagger, AlertMeters.unread(), wallClockStart);
    }

    /** A driver recording its alerts in {@code alerts}. */
    public static TopologyTestDriver driver(NewsmonConfig config, LiveTagger tagger, AlertMeters alerts,
                                            Instant wallClockStart) {
        return new TopologyTestDriver(NewsTopology.buildTopology(config, tagger, alerts), props(config),
                wallClockStart);
    }

    private static Properties props(NewsmonConfig config) {
        Properties props = NewsTopology.streamsProperties(config);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // The test driver is single-threaded and never crashes, so exactly-once has nothing to show here; and under
        // exactly-once the driver (4.3.1) does not surface the dead-letter record of a poison input.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        return props;
    }
}
