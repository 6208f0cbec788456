package dev.newsmon.processor.dedup;

import dev.newsmon.processor.Articles;
import dev.newsmon.processor.TaggedItem;
import dev.newsmon.processor.tagging.TagResult;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An item's bands travel in one probe per partition, each band to the partition that owns its key. */
class BandRoutingTest {
    private static final Fingerprint FP = new Fingerprinter(Boilerplate.builtIn())
            .fingerprint("i-1", Articles.TITLE, Articles.ORIGINAL_TEXT);
    private static final TaggedItem TAGGED = new TaggedItem(Articles.item("i-1", "harbor-point-herald",
            Articles.TITLE, Articles.ORIGINAL_TEXT, Instant.parse("2026-03-03T08:00:00Z")),
            new TagResult(List.of("iss"), Map.of(), Map.of(), "r7"));

    @Test
    void probesAreAtMostOnePerPartitionAndTogetherHaveEveryBandOnce() {
        assertEquals(26, FP.bandKeys().size());
        for (int partitions = 1; partitions <= 40; partitions++) {
            List<BandProbe> probes = BandProbe.of(TAGGED, FP, partitions);
            int p = partitions;
            Set<Integer> used = FP.bandKeys().stream().map(k -> BandRouting.partition(k, p))
                    .collect(Collectors.toSet());
            assertEquals(used.size(), probes.size(), "one probe per partition the bands fall in");
            assertTrue(probes.size() <= partitions);
            Bands all = Bands.NONE;
            for (BandProbe probe : probes) {
                assertFalse(all.intersects(probe.bands()), "a band in two probes");
                all = all.union(probe.bands());
                assertEquals(FP.bandKeys(), probe.bandKeys());
                int partition = BandRouting.partition(probe.keys().get(0), partitions);
                probe.keys().forEach(k -> assertEquals(partition, BandRouting.partition(k, p), k));
                assertEquals(Optional.of(Set.of(partition)),
                        new BandRouting(partitions).partitions("t", "i-1", probe, partitions));
            }
            assertEquals(Bands.ofKeys(FP.bandKeys()), all);
            assertEquals(1, probes.stream().filter(pr -> pr.tagged() != null).count(), "the item travels once");
            BandProbe withItem = probes.stream().filter(pr -> pr.tagged() != null).findFirst().orElseThrow();
            assertTrue(withItem.keys().contains(FP.bandKeys().get(0)));
            assertEquals(FP.shingles(), withItem.shingles());
            probes.stream().filter(pr -> pr != withItem).forEach(pr -> assertNull(pr.shingles()));
        }
    }

    @Test
    void aBandGoesWhereKafkaSentARecordKeyedByIt() {
        // Probes were records keyed by their band key under the default partitioner: the buckets that a running
        // deployment built are on the tasks that will get the same bands now.
        StringSerializer keys = new StringSerializer();
        for (int partitions : new int[] {1, 3, 6, 12}) {
            for (String key : FP.bandKeys()) {
                assertEquals(BuiltInPartitioner.partitionForKey(keys.serialize("t", key), partitions),
                        BandRouting.partition(key, partitions), key);
            }
        }
    }

    @Test
    void onATopicOfOtherPartitionsEveryBandStillHasOnePartition() {
        // The test driver's topics have one partition whatever the topology asked for.
        for (BandProbe probe : BandProbe.of(TAGGED, FP, 6)) {
            assertEquals(Optional.of(Set.of(0)), new BandRouting(6).partitions("t", "i-1", probe, 1));
        }
    }
}
