package dev.newsmon.processor.dedup;

import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.StoryCluster;
import dev.newsmon.processor.RandomValues;
import dev.newsmon.processor.binary.BinaryIn;
import dev.newsmon.processor.binary.BinaryOut;
import dev.newsmon.processor.binary.BinarySerde;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dedup stage's internal messages and stored values survive the binary round trip, and the JSON that the
 * version before wrote (test resources {@code dedup-json-v0}, written by commit 5d16b86) still reads.
 */
class DedupSerdesTest {
    private final RandomValues values = new RandomValues(11);

    private String bandKey() {
        return switch (values.random().nextInt(6)) {
            case 0 -> values.string();
            case 1 -> "b" + values.random().nextInt(26) + ":" + Long.toHexString(values.random().nextLong());
            default -> "b" + values.random().nextInt(26) + ":" + Hash64.hex(values.random().nextLong());
        };
    }

    private OrderKey order() {
        return new OrderKey(values.aLong(), values.string());
    }

    private Shingles shingles() {
        long[] hashes = values.random().longs(values.random().nextInt(values.chance(10) ? 2000 : 40)).toArray();
        return values.chance(10) ? Shingles.unordered(hashes) : Shingles.inTextOrder(hashes);
    }

    private Bands bands() {
        return new Bands(values.chance(50) ? values.random().nextLong() : values.random().nextInt(1 << 26));
    }

    private Candidate candidate() {
        return new Candidate(order(), values.aLong(), bands());
    }

    private BandAnswer answer() {
        boolean withItem = values.chance(30);
        return new BandAnswer(order(), bands(), values.random().nextInt(30),
                values.list(4, () -> new Found(candidate(), bands())), withItem ? values.taggedItem() : null,
                withItem ? shingles() : null);
    }

    private LookupRequest request() {
        return new LookupRequest(values.string(), values.aLong(), values.string(), values.aLong(), shingles());
    }

    private ResolveMessage message() {
        return switch (values.random().nextInt(3)) {
            case 0 -> answer();
            case 1 -> request();
            default -> reply();
        };
    }

    private BandProbe probe() {
        boolean withItem = values.chance(30);
        List<String> keys = new ArrayList<>();
        for (int b = 0; b < 26; b++) {
            if (values.chance(80)) {
                keys.add(values.chance(90) ? "b" + b + ":" + Hash64.hex(values.random().nextLong())
                        : "b" + b + ":" + values.string());
            }
        }
        if (keys.isEmpty()) {
            keys.add("b0:" + values.string());
        }
        Bands all = Bands.ofKeys(keys);
        Bands some = new Bands(all.mask() & values.random().nextLong());
        return new BandProbe(order(), keys, some.isEmpty() ? all : some, withItem ? values.taggedItem() : null,
                withItem ? shingles() : null);
    }

    private PendingDecision pending() {
        return new PendingDecision(order(), values.chance(50), values.random().nextInt(30),
                values.list(5, () -> answer().withoutItem()), values.aLong(), values.aLong(),
                values.chance(50) ? candidate() : null, values.list(4, this::candidate), values.chance(50),
                values.list(3, this::reply));
    }

    private LookupReply reply() {
        return new LookupReply(values.string(), values.string(), values.aDouble(), values.nullableString());
    }

    private static <T> void roundTrips(BinarySerde<T> serde, Supplier<T> generated) {
        for (int i = 0; i < 1_000; i++) {
            T value = generated.get();
            assertEquals(value, serde.read(serde.write(value)), "value " + i);
        }
    }

    @Test
    void generatedValuesComeBackEqual() {
        roundTrips(DedupSerdes.probes(), this::probe);
        roundTrips(DedupSerdes.resolveMessages(), this::message);
        roundTrips(DedupSerdes.pendingDecisions(), this::pending);
        roundTrips(DedupSerdes.pendingItems(), () -> new PendingItem(values.taggedItem(), shingles()));
        roundTrips(DedupSerdes.shingles(), this::shingles);
        roundTrips(DedupSerdes.waiters(), () -> new Waiters(values.list(4, this::request)));
        roundTrips(DedupSerdes.clusters(), values::storyCluster);
    }

    @Test
    void decisionsStoredWhenCandidatesWereAskedOneByOneReadAsSuch() {
        for (int i = 0; i < 200; i++) {
            PendingDecision p = pending();
            // The second layout, as a processor that asked one candidate at a time wrote it.
            BinaryOut out = new BinaryOut(256).writeByte((byte) (BinarySerde.FORMAT_PARALLEL_LOOKUPS - 1));
            DedupCodecs.writeOrder(out, p.order());
            out.writeBoolean(p.itemArrived()).writeCount(p.totalBands());
            out.writeAll(p.answers(), DedupCodecs::writeAnswer);
            out.writeSignedVarLong(p.recordTimestamp()).writeSignedVarLong(p.sinceMs());
            out.writeOptional(p.asking(), DedupCodecs::writeCandidate);
            out.writeAll(p.remaining(), DedupCodecs::writeCandidate);

            PendingDecision read = DedupSerdes.pendingDecisions().read(out.toByteArray());
            assertEquals(new PendingDecision(p.order(), p.itemArrived(), p.totalBands(), p.answers(),
                    p.recordTimestamp(), p.sinceMs(), p.asking(), p.remaining()), read, "decision " + i);
            assertFalse(read.remainingAsked());
        }
    }

    @Test
    void aBandKeyOfTheUsualFormTakesNineBytesAndAnyOtherKeyComesBackToo() {
        BinaryOut out = new BinaryOut();
        DedupCodecs.writeBandKey(out, "b17:" + Hash64.hex(-42));
        assertEquals(9, out.toByteArray().length);
        for (String unusual : List.of("b17:" + Hash64.hex(42).toUpperCase(), "b017:" + Hash64.hex(42),
                "b-1:" + Hash64.hex(42), "b+1:" + Hash64.hex(42), "b1:" + Hash64.hex(42) + "0",
                "b:" + Hash64.hex(1), "c1:" + Hash64.hex(1), "b1:", "")) {
            BinaryOut o = new BinaryOut();
            DedupCodecs.writeBandKey(o, unusual);
            assertEquals(unusual, DedupCodecs.readBandKey(new BinaryIn(o.toByteArray(), 0)), unusual);
        }
    }

    @Test
    void shinglesTakeEightBytesEach() {
        assertEquals(1 + 1 + 1 + 8, DedupSerdes.shingles().write(Shingles.inTextOrder(new long[] {1})).length,
                "format, ordered, count, the hash");
    }

    private static byte[] legacy(String name) {
        try (InputStream in = DedupSerdesTest.class.getResourceAsStream("/dedup-json-v0/" + name + ".json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON value of the version before and checks it survives being written back in binary. */
    private static <T> T readLegacy(BinarySerde<T> serde, String name) {
        byte[] json = legacy(name);
        assertTrue(json[0] == '{' || json[0] == '"', name);
        T value = serde.read(json);
        assertEquals(value, serde.read(serde.write(value)), name);
        return value;
    }

    @Test
    void jsonOfTheVersionBeforeStillReads() {
        // Probes and answers were about one band then, and a candidate named its shared bands by key.
        BandProbe first = readLegacy(DedupSerdes.probes(), "band-probe-with-item");
        assertEquals("https://orbital-wire.example/a/1", first.order().itemId());
        assertEquals(26, first.bandKeys().size());
        assertEquals(List.of(first.bandKeys().get(0)), first.keys());
        assertEquals(List.of("space-station"), first.tagged().tags().tags());
        assertEquals("named-station in the title",
                first.tagged().tags().relevance().get("space-station").reason());
        assertTrue(first.shingles().ordered());
        BandProbe plain = readLegacy(DedupSerdes.probes(), "band-probe");
        assertNull(plain.tagged());
        assertEquals(List.of(first.bandKeys().get(5)), plain.keys());
        assertEquals(Bands.of(5), plain.bands());

        BandAnswer answer = (BandAnswer) readLegacy(DedupSerdes.resolveMessages(), "band-answer-with-item");
        assertEquals(Bands.of(0), answer.bands());
        assertEquals(26, answer.totalBands());
        assertEquals(first.tagged(), answer.tagged());
        assertEquals(first.shingles(), answer.shingles());
        assertEquals(List.of(new Found(new Candidate(new OrderKey(1_772_524_740_000L, "https://meridian.example/s/9"),
                1_772_524_770_000L, Bands.of(0, 5, 20)), Bands.of(0))), answer.found());
        assertEquals(Bands.of(5), ((BandAnswer) readLegacy(DedupSerdes.resolveMessages(), "band-answer")).bands());
        LookupRequest request = (LookupRequest) readLegacy(DedupSerdes.resolveMessages(), "lookup-request");
        assertEquals(first.shingles(), request.shingles());
        assertEquals(new LookupReply(first.order().itemId(), "https://meridian.example/s/9", 0.875,
                "s-00112233aabbccdd"), readLegacy(DedupSerdes.resolveMessages(), "lookup-reply"));
        assertNull(((LookupReply) readLegacy(DedupSerdes.resolveMessages(), "lookup-reply-no")).storyId());

        PendingDecision collecting = readLegacy(DedupSerdes.pendingDecisions(), "pending-collecting");
        assertTrue(collecting.itemArrived());
        assertEquals(Bands.of(0, 5, 6), collecting.answered());
        assertFalse(collecting.complete());
        assertEquals(List.of("https://meridian.example/s/9"), DedupDecision.parents(collecting.order(),
                collecting.answers()).stream().map(Candidate::itemId).toList());
        PendingDecision asking = readLegacy(DedupSerdes.pendingDecisions(), "pending-asking");
        assertEquals("https://meridian.example/s/9", asking.asking().itemId());
        assertEquals(Bands.of(0, 5, 20), asking.asking().sharedBands());
        assertEquals(List.of(new Candidate(new OrderKey(1, "z"), 2, Bands.of(1))), asking.remaining());

        PendingItem item = readLegacy(DedupSerdes.pendingItems(), "pending-item");
        assertEquals(first.tagged(), item.tagged());
        assertEquals(first.shingles(), readLegacy(DedupSerdes.shingles(), "shingles"));
        assertEquals(List.of(request), readLegacy(DedupSerdes.waiters(), "waiters").requests());
        StoryCluster cluster = readLegacy(DedupSerdes.clusters(), "story-cluster");
        assertEquals("s-00112233aabbccdd", cluster.storyId());
        assertEquals(first.order().itemId(), cluster.first().itemId());
    }

    @Test
    void shinglesStoredAsASetByAnEarlierVersionReadBackUnordered() {
        // Before the text order was kept, the shingle store and the messages held the sorted set (Hashes) as JSON.
        byte[] stored = JsonSerde.of(Hashes.class).serializer().serialize("t", Hashes.of(new long[] {5, 1, 3}));

        Shingles read = DedupSerdes.shingles().read(stored);
        assertFalse(read.ordered());
        assertEquals(Shingles.unordered(new long[] {1, 3, 5}), read);
        assertEquals(read, DedupSerdes.shingles().read(DedupSerdes.shingles().write(read)),
                "written back as the set it was");
    }
}
