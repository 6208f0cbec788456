package dev.newsmon.processor.dedup;

import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.StoryCluster;
import dev.newsmon.processor.binary.BinaryCodec;
import dev.newsmon.processor.binary.BinarySerde;
import dev.newsmon.processor.binary.StoryClusterCodec;

/**
 * The serdes of the dedup stage's internal topics and stores: binary ({@link DedupCodecs}), reading the JSON that
 * versions before it wrote, so that an upgrade keeps the records in flight and the state of a running deployment.
 */
public final class DedupSerdes {
    private DedupSerdes() {
    }

    public static BinarySerde<BandProbe> probes() {
        return BinarySerde.of("BandProbe", DedupCodecs.PROBE, LegacyJson::probe, 512);
    }

    public static BinarySerde<ResolveMessage> resolveMessages() {
        return BinarySerde.of("ResolveMessage", DedupCodecs.MESSAGE, LegacyJson::message, 512);
    }

    public static BinarySerde<PendingDecision> pendingDecisions() {
        return BinarySerde.of("PendingDecision", DedupCodecs.PENDING, LegacyJson::pending, 1024);
    }

    public static BinarySerde<PendingItem> pendingItems() {
        return serde(PendingItem.class, DedupCodecs.PENDING_ITEM, 4096);
    }

    public static BinarySerde<Shingles> shingles() {
        return serde(Shingles.class, DedupCodecs.SHINGLES, 2048);
    }

    public static BinarySerde<Waiters> waiters() {
        return serde(Waiters.class, DedupCodecs.WAITERS, 1024);
    }

    public static BinarySerde<StoryCluster> clusters() {
        return serde(StoryCluster.class, StoryClusterCodec.INSTANCE, 1024);
    }

    /** A serde of a type whose JSON form had the shape the type still has. */
    private static <T> BinarySerde<T> serde(Class<T> type, BinaryCodec<T> codec, int sizeHint) {
        JsonSerde<T> json = JsonSerde.of(type);
        return BinarySerde.of(type.getSimpleName(), codec, bytes -> json.deserializer().deserialize("", bytes),
                sizeHint);
    }
}
