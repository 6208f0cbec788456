package dev.newsmon.processor;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.StaticMembership;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.StoryCluster;
import dev.newsmon.processor.alert.AlertMeters;
import dev.newsmon.processor.alert.CloudEventsHeaders;
import dev.newsmon.processor.dedup.BandMatcher;
import dev.newsmon.processor.dedup.BandProbe;
import dev.newsmon.processor.dedup.BandRouting;
import dev.newsmon.processor.dedup.Boilerplate;
import dev.newsmon.processor.dedup.ClusterUpdater;
import dev.newsmon.processor.dedup.DedupSerdes;
import dev.newsmon.processor.dedup.Fingerprint;
import dev.newsmon.processor.dedup.Fingerprinter;
import dev.newsmon.processor.dedup.ResolveMessage;
import dev.newsmon.processor.dedup.Resolver;
import dev.newsmon.processor.dedup.RedeliveryFilter;
import dev.newsmon.processor.normalize.Normalizer;
import dev.newsmon.processor.tagging.LiveTagger;
import dev.newsmon.processor.tagging.Tagger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The processor's Kafka Streams topology: normalise, drop re-deliveries, tag, find syndicated copies, alert.
 * Processor names are fixed so that a later change of the topology keeps its state and topic names.
 */
public final class NewsTopology {
    private static final Serde<String> KEYS = Serdes.String();
    private static final String RESOLVE = "resolve";

    /**
     * An alert crosses three hops inside the processor (item, band probes, band answers), two more (lookup, reply)
     * for each candidate a copy asks, and under exactly_once_v2 each hop waits for the writing thread's transaction to commit and for the reading
     * thread's next fetch and poll. These bound the waits other than the commit (docs/configuration.md):
     * <ul>
     * <li>A stream thread polls again only once it has processed every record of its last poll, so a hop's records
     * wait behind up to max.poll.records others (Streams' default 1,000: most of a second of tagging on a busy
     * machine); 200 cut that wait five-fold, and a poll that finds fetched records buffered costs microseconds.</li>
     * <li>The main consumer has one fetch in flight to a broker, which leaves out the partitions that still hold
     * fetched records; with nothing new in the others, that fetch waits fetch.max.wait.ms (500 ms) before the
     * left-out ones are asked again. 50 ms bounds that wait, for about 20 empty fetches a second when idle.</li>
     * <li>Streams' producers linger 100 ms, as long as the commit interval, so under exactly-once every record was
     * sent in the commit's flush and the commit waited for its acknowledgement; the client's default of 5 ms sends
     * them while the thread works.</li>
     * </ul>
     * commit.interval.ms stays at the exactly-once default, 100 ms: each commit ends a transaction on every
     * partition the thread wrote (markers, offsets), so a shorter one costs broker work per commit, not per record.
     */
    private static final Map<String, Object> LATENCY = Map.of(
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 200,
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50,
            StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);

    private NewsTopology() {
    }

    /**
     * The topology with fixed rules unless {@code news.rules} has some, its alert meters read by nobody; for tests
     * and tools.
     */
    public static Topology buildTopology(NewsmonConfig config, Tagger tagger) {
        return buildTopology(config, new LiveTagger(tagger), AlertMeters.unread());
    }

    /**
     * Builds the topology; pure, it starts nothing. The fallback tagger must be safe to call from several threads.
     *
     * @param alerts meters of the alerts, recorded as they are read back from news.alerts
     */
    public static Topology buildTopology(NewsmonConfig config, LiveTagger tagger, AlertMeters alerts) {
        Duration window = config.get(Settings.PROCESSOR_DEDUP_WINDOW);
        double threshold = config.get(Settings.PROCESSOR_DEDUP_THRESHOLD);
        String resolveTopic = ProcessorNames.resolveTopic(config);
        Serde<ResolveMessage> resolveSerde = DedupSerdes.resolveMessages();
        StateStores stores = StateStores.from(config);

        StreamsBuilder builder = new StreamsBuilder();
        tagger.addGlobalStore(builder);
        KStream<String, TaggedItem> tagged = builder
                .stream(Topics.ITEMS, Consumed.with(KEYS, JsonSerde.of(FeedItem.class)).withName("items"))
                .filter((id, item) -> item != null, Named.as("drop-tombstones"))
                .mapValues(Normalizer::normalize, Named.as("normalize"))
                .processValues(tagger.step(TaggedItem::new), Named.as("tag"))
                .filter((id, t) -> t.tags().tagged(), Named.as("drop-untagged"))
                .processValues(RedeliveryFilter.supplier(window, stores), Named.as("drop-seen"));

        Fingerprinter fingerprinter = new Fingerprinter(boilerplate(config));
        int bandPartitions = config.get(Settings.TOPIC_PARTITIONS);
        // One probe per partition that the item's bands fall in, keyed by item id and routed by its bands.
        tagged.flatMapValues(t -> probes(fingerprinter, t, bandPartitions), Named.as("band-probes"))
                .repartition(Repartitioned.<String, BandProbe>as(ProcessorNames.BANDS_REPARTITION)
                        .withKeySerde(KEYS)
                        .withValueSerde(DedupSerdes.probes())
                        .withNumberOfPartitions(bandPartitions)
                        .withStreamPartitioner(new BandRouting(bandPartitions)))
                .process(BandMatcher.supplier(window, stores), Named.as("band-match"))
                .to(resolveTopic, Produced.with(KEYS, resolveSerde).withName("band-answers"));

        builder.stream(resolveTopic, Consumed.with(KEYS, resolveSerde).withName("resolve-messages"))
                .process(Resolver.supplier(window, threshold, config.get(Settings.PROCESSOR_DEDUP_WAIT_TIMEOUT),
                                stores),
                        Named.as(RESOLVE));
        // The alerts are keyed by story id, so reading them back puts each story's updates on one task.
        builder.stream(Topics.ALERTS, Consumed.with(KEYS, JsonSerde.of(Alert.class)).withName("alerts-in"))
                .processValues(alerts.step(), Named.as("alert-metrics"))
                .process(ClusterUpdater.supplier(window, stores), Named.as("story-clusters"))
                .to(Topics.STORIES, Produced.with(KEYS, JsonSerde.of(StoryCluster.class)).withName("stories"));

        // The resolver has two outputs of two types, and a DSL stream carries one: each output goes to its own child
        // by name, so the children are added to the built topology, each with its own types.
        Topology topology = builder.build();
        topology.addProcessor(Resolver.ALERTS,
                        CloudEventsHeaders.supplier("/newsmon/processor/" + config.get(Settings.PROCESSOR_APP_ID)),
                        RESOLVE)
                .addSink("alerts", Topics.ALERTS, KEYS.serializer(), JsonSerde.of(Alert.class).serializer(),
                        Resolver.ALERTS)
                .addSink(Resolver.LOOKUPS, resolveTopic, KEYS.serializer(), resolveSerde.serializer(), RESOLVE);
        return topology;
    }

    private static List<BandProbe> probes(Fingerprinter fingerprinter, TaggedItem t, int partitions) {
        Fingerprint fp = fingerprinter.fingerprint(t.item().itemId(), t.item().title(), t.item().text());
        return BandProbe.of(t, fp, partitions);
    }

    private static Boilerplate boilerplate(NewsmonConfig config) {
        Optional<Path> file = config.optional(Settings.PROCESSOR_DEDUP_BOILERPLATE_FILE);
        if (file.isEmpty()) {
            return Boilerplate.builtIn();
        }
        try {
            return Boilerplate.load(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Settings.PROCESSOR_DEDUP_BOILERPLATE_FILE.key() + "="
                    + file.get(), e);
        }
    }

    /**
     * The Kafka Streams configuration of one instance. {@code kafka.*} settings are applied last and so may tune
     * anything; {@code kafka.bootstrap.servers} must be set by then (the launcher sets it to the embedded broker's
     * address when it starts one).
     */
    public static Properties streamsProperties(NewsmonConfig config) {
        return streamsProperties(config, config.get(Settings.PROCESSOR_APP_ID));
    }

    /** processor.threads, where 0 means one per core the JVM may use. */
    private static int streamThreads(NewsmonConfig config) {
        int threads = config.get(Settings.PROCESSOR_THREADS);
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** As {@link #streamsProperties(NewsmonConfig)}, for another newsmon Kafka Streams app of the same cluster. */
    public static Properties streamsProperties(NewsmonConfig config, String appId) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        config.bootstrapServers().ifPresent(b -> p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, b));
        // The alert of a story and the state that says it was sent commit together: no alert is lost or doubled.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG,
                config.get(Settings.DATA_DIR).resolve("streams").resolve(appId).toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads(config));
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        p.put(BoundedRocksDb.CACHE_BYTES, config.get(Settings.PROCESSOR_ROCKSDB_CACHE).toString());
        p.put(BoundedRocksDb.WRITE_BUFFER_BYTES, config.get(Settings.PROCESSOR_ROCKSDB_WRITE_BUFFER).toString());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DLQ);
        // Implied by exactly_once_v2; stated because the feedback loop through the resolve topic relies on it.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        p.putAll(LATENCY);
        // A dead instance's tasks move after 10 s, not 45; the processor service adds its static member id.
        p.putAll(StaticMembership.session());
        p.putAll(config.kafka());
        return p;
    }
}
