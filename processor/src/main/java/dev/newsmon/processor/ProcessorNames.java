package dev.newsmon.processor;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;

/**
 * Names of the processor's state stores and internal topics. They are part of the deployed state (changelog and
 * repartition topics are named after them), so renaming one orphans its data: change them only with a new
 * application id.
 */
public final class ProcessorNames {
    /** Item id to content hash of items already processed, bounded by the dedup window. */
    public static final String SEEN_STORE = "dedup-seen";
    /** Band key to the compact entries of the items that have that band. */
    public static final String BAND_STORE = "dedup-band-entries";
    /** Item id to the band answers received so far, then to the parent it waits for. */
    public static final String PENDING_STORE = "dedup-pending";
    /** Item id to the undecided item itself (text, tags, shingles), written once, not at every answer. */
    public static final String PENDING_ITEM_STORE = "dedup-pending-items";
    /** Item id to the shingles of decided items, for the exact check of later items that find them. */
    public static final String SHINGLE_STORE = "dedup-shingles";
    /** Item id to story id of decided items. */
    public static final String DIRECTORY_STORE = "dedup-directory";
    /** Story id to the story's cluster, at the record time of its first item. */
    public static final String CLUSTER_STORE = "dedup-clusters";
    /** Item id to the items waiting for its story id. */
    public static final String LOOKUP_STORE = "dedup-lookups";

    /** Repartition of band probes by band key (Kafka Streams adds the app id prefix and "-repartition"). */
    public static final String BANDS_REPARTITION = "dedup-bands";
    /** Suffix of the resolver's topic; see {@link #resolveTopic}. */
    public static final String RESOLVE_TOPIC_SUFFIX = "dedup-resolve";

    private ProcessorNames() {
    }

    /**
     * The topic the resolver reads and writes: band answers and lookups keyed by the item they concern. The DSL
     * cannot express a cycle through a repartition topic, so this one is an ordinary topic that the processor
     * creates itself, named like the internal topics so that it is recognisably the processor's.
     */
    public static String resolveTopic(NewsmonConfig config) {
        return config.get(Settings.PROCESSOR_APP_ID) + "-" + RESOLVE_TOPIC_SUFFIX;
    }
}
