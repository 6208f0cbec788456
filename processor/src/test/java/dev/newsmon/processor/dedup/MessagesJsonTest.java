package dev.newsmon.processor.dedup;

import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;
import dev.newsmon.processor.Articles;
import dev.newsmon.processor.TaggedItem;
import dev.newsmon.processor.tagging.TagResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The internal messages survive the topic and store round trip through the shared JSON serde. */
class MessagesJsonTest {
    private static <T> T roundTrip(Class<T> type, T value) {
        JsonSerde<T> serde = JsonSerde.of(type);
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Test
    void resolveMessagesKeepTheirType() {
        TaggedItem tagged = new TaggedItem(Articles.item("i-1", "orbital-wire", Articles.TITLE, "Short text.",
                Instant.parse("2026-03-03T08:00:00Z")), new TagResult(List.of("iss"), Map.of("iss",
                List.of(new TagMatch("station", List.of(new MatchedTerm("title", "Space Station", 60, 73))))),
                Map.of("iss", new TagRelevance(1.0, 0.5, List.of(new Evidence("station", Evidence.TITLE, 1, 1.0)),
                        "station in the title")), "r7"));
        OrderKey order = OrderKey.of(tagged.item());
        List<ResolveMessage> messages = List.of(
                new BandAnswer(order, "b3:00ff", 3, 18,
                        List.of(new Candidate(new OrderKey(5, "i-0"), 6, List.of("b3:00ff"))), tagged,
                        Shingles.inTextOrder(new long[] {3, -7, 42, 3})),
                new LookupRequest("i-2", 1234L, "i-1", 1200L, Shingles.inTextOrder(new long[] {1, 2})),
                new LookupReply("i-2", "i-1", 0.75, "s-0011223344556677"),
                new LookupReply("i-2", "i-1", 0.0, null));

        for (ResolveMessage m : messages) {
            assertEquals(m, roundTrip(ResolveMessage.class, m));
        }
    }

    @Test
    void shinglesKeepTheirTextOrder() {
        Shingles inOrder = Shingles.inTextOrder(new long[] {9, -4, 9, 2});

        Shingles back = roundTrip(Shingles.class, inOrder);
        assertEquals(inOrder, back);
        assertTrue(back.ordered());
        assertEquals(4, back.length());
        assertEquals(3, back.distinctCount());
    }

    @Test
    void shinglesStoredAsASetByAnEarlierVersionReadBackUnordered() {
        // Before the text order was kept, the shingle store and the messages held the sorted set (Hashes).
        JsonSerde<Hashes> earlier = JsonSerde.of(Hashes.class);
        byte[] stored = earlier.serializer().serialize("t", Hashes.of(new long[] {5, 1, 3}));

        Shingles read = JsonSerde.of(Shingles.class).deserializer().deserialize("t", stored);
        assertFalse(read.ordered());
        assertEquals(Shingles.unordered(new long[] {1, 3, 5}), read);
        assertEquals(read, roundTrip(Shingles.class, read), "written back in the format it was read in");
    }

    @Test
    void onlyTheFirstProbeCarriesTheItemAndTheBucketKeepsNoText() {
        Fingerprint fp = new Fingerprinter(Boilerplate.builtIn())
                .fingerprint("i-1", Articles.TITLE, Articles.ORIGINAL_TEXT);
        TaggedItem tagged = new TaggedItem(Articles.item("i-1", "harbor-point-herald", Articles.TITLE,
                Articles.ORIGINAL_TEXT, Instant.parse("2026-03-03T08:00:00Z")),
                new TagResult(List.of("iss"), Map.of(), Map.of(), "r7"));
        List<BandProbe> probes = BandProbe.of(tagged, fp);

        assertEquals(fp.bandKeys().size(), probes.size());
        assertEquals(tagged, probes.get(0).tagged());
        assertEquals(null, probes.get(1).tagged());
        assertEquals(null, probes.get(1).shingles());
        BandProbe back = roundTrip(BandProbe.class, probes.get(0));
        assertEquals(probes.get(0), back);
        assertEquals(1.0, back.shingles().containment(fp.shingles()));

    }
}
