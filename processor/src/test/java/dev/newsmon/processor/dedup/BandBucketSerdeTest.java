package dev.newsmon.processor.dedup;

import dev.newsmon.processor.Articles;
import dev.newsmon.processor.TaggedItem;
import dev.newsmon.processor.tagging.TagResult;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandBucketSerdeTest {
    private static final BandBucketSerde SERDE = new BandBucketSerde();

    private static List<BandProbe> probes(String id, String text) {
        Fingerprint fp = new Fingerprinter(Boilerplate.builtIn()).fingerprint(id, Articles.TITLE, text);
        TaggedItem tagged = new TaggedItem(Articles.item(id, "harbor-point-herald", Articles.TITLE, text,
                Instant.parse("2026-03-03T08:00:00Z")), new TagResult(List.of("iss"), Map.of(), Map.of(), "r7"));
        return BandProbe.of(tagged, fp, 3);
    }

    private static BandBucket roundTrip(BandBucket bucket) {
        return SERDE.deserializer().deserialize("t", SERDE.serializer().serialize("t", bucket));
    }

    @Test
    void entriesComeBackWithTheirBandsAndOrder() {
        List<BandProbe> original = probes("i-1", Articles.ORIGINAL_TEXT);
        List<BandProbe> other = probes("ünïcode-2", "A different text about a harbour crane and its new owners.");
        BandBucket bucket = BandBucket.EMPTY.plus(original.get(1).entry(1_700_000_000_000L), 32)
                .plus(other.get(1).entry(1_700_000_360_000L), 32);

        BandBucket back = roundTrip(bucket);

        assertEquals(bucket, back);
        List<String> keys = original.get(0).bandKeys();
        assertEquals(Bands.ofKeys(keys), back.entries().get(0).shared(ProbeKeys.of(keys)), "an item shares all its bands with itself");
        assertEquals("ünïcode-2", back.entries().get(1).order().itemId());
    }

    @Test
    void anEntryTakesAboutAThirdOfItsJson() {
        BandEntry entry = probes("3f9a0c1e77d2b845", Articles.ORIGINAL_TEXT).get(0).entry(1_700_000_000_000L);
        int bytes = SERDE.serializer().serialize("t", new BandBucket(List.of(entry))).length;

        // 8 + 8 + 2 + 16 (id) + 1 + 26 × 4, and the two header bytes
        assertEquals(2 + 8 + 8 + 2 + 16 + 1 + 4 * entry.bandHashes().size(), bytes);
        assertTrue(bytes < 150, "entry bytes " + bytes);
    }

    @Test
    void stateInAnotherFormatIsRejectedWithAClearError() {
        byte[] json = "{\"entries\":[]}".getBytes(StandardCharsets.UTF_8);
        SerializationException e = assertThrows(SerializationException.class,
                () -> SERDE.deserializer().deserialize("t", json));
        assertTrue(e.getMessage().contains("unknown format"), e.getMessage());

        byte[] full = SERDE.serializer().serialize("t",
                new BandBucket(List.of(probes("i-1", Articles.ORIGINAL_TEXT).get(0).entry(5L))));
        byte[] truncated = Arrays.copyOf(full, full.length - 3);
        e = assertThrows(SerializationException.class, () -> SERDE.deserializer().deserialize("t", truncated));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void nullIsADeletion() {
        assertNull(SERDE.serializer().serialize("t", null));
        assertNull(SERDE.deserializer().deserialize("t", null));
    }

    @Test
    void bandHashesAre32Bit() {
        assertThrows(IllegalArgumentException.class,
                () -> new BandEntry(new OrderKey(1, "i"), 1, Hashes.of(new long[] {1L << 40})));
    }
}
