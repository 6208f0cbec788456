package dev.newsmon.processor.dedup;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.model.Alert;
import dev.newsmon.processor.Articles;
import dev.newsmon.processor.ProcessorNames;
import dev.newsmon.processor.StateStores;
import dev.newsmon.processor.TaggedItem;
import dev.newsmon.processor.tagging.TagResult;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolver's protocol, message by message, in the orders the test driver never produces. */
class ResolverTest {
    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> BANDS = List.of("b0:aa", "b1:bb");

    private static final OrderKey P = new OrderKey(T0.toEpochMilli(), "p");
    private static final OrderKey X = new OrderKey(T0.toEpochMilli() + 60_000, "x");
    /** Earlier than x and in more of its bands than p, but about something else. */
    private static final OrderKey Q = new OrderKey(T0.toEpochMilli() + 30_000, "q");
    private static final Map<String, Shingles> SHINGLES = Map.of(
            "p", Shingles.inTextOrder(new long[] {1, 2, 3, 4, 5}),
            "x", Shingles.inTextOrder(new long[] {1, 2, 3, 4, 9}),
            "q", Shingles.inTextOrder(new long[] {20, 21, 22, 9}));
    private static final double X_IN_P = 7 / 8.0;

    private MockProcessorContext<String, Object> context;
    private Processor<String, ResolveMessage, String, Object> resolver;

    @BeforeEach
    void setUp() {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
                "kafka." + StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class.getName()));
        ProcessorSupplier<String, ResolveMessage, String, Object> supplier =
                Resolver.supplier(Duration.ofDays(7), 0.6, TIMEOUT, StateStores.from(config));
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(T0.toEpochMilli());
        for (StoreBuilder<?> builder : supplier.stores()) {
            StateStore store = builder.withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        resolver = supplier.get();
        resolver.init(context);
    }

    private static TaggedItem tagged(OrderKey order) {
        return new TaggedItem(Articles.item(order.itemId(), "outlet-" + order.itemId(), "A space station story",
                "Text.", Instant.ofEpochMilli(order.eventMillis())), new TagResult(List.of("iss"), Map.of(), Map.of(), "r1"));
    }

    private static BandAnswer answer(OrderKey self, int band, Candidate... candidates) {
        return new BandAnswer(self, Bands.of(band), BANDS.size(),
                Arrays.stream(candidates).map(c -> new Found(c, Bands.of(band))).toList(),
                band == 0 ? tagged(self) : null, band == 0 ? SHINGLES.get(self.itemId()) : null);
    }

    /** The answer of a band task that owns both bands. */
    private static BandAnswer bothBands(OrderKey self, Candidate... candidates) {
        return new BandAnswer(self, Bands.of(0, 1), BANDS.size(),
                Arrays.stream(candidates).map(c -> new Found(c, Bands.of(0, 1))).toList(), tagged(self),
                SHINGLES.get(self.itemId()));
    }

    private static Candidate candidate(OrderKey other) {
        return new Candidate(other, T0.toEpochMilli(), Bands.ofKeys(BANDS));
    }

    private static LookupRequest ask(String asker, String target) {
        return new LookupRequest(asker, T0.toEpochMilli(), target, T0.toEpochMilli(), SHINGLES.get(asker));
    }

    /** Delivers one message and returns what the resolver sent in response. */
    private List<Object> deliver(ResolveMessage message) {
        context.resetForwards();
        resolver.process(new Record<>(message.routingKey(), message, T0.toEpochMilli()));
        return forwarded();
    }

    private List<Object> forwarded() {
        List<Object> out = context.forwarded().stream().map(f -> (Object) f.record().value()).toList();
        context.forwarded().forEach(f -> {
            Object v = f.record().value();
            String expectedKey = v instanceof Alert a ? a.storyId() : ((ResolveMessage) v).routingKey();
            assertEquals(expectedKey, f.record().key(), "record key of " + v);
            assertEquals(Optional.of(v instanceof Alert ? Resolver.ALERTS : Resolver.LOOKUPS), f.childName(),
                    "child of " + v);
        });
        return out;
    }

    @Test
    void copyWaitsForItsUndecidedOriginalThenJoinsItsStory() {
        assertEquals(List.of(), deliver(answer(P, 0)));
        assertEquals(List.of(), deliver(answer(X, 0, candidate(P))));
        List<Object> asked = deliver(answer(X, 1, candidate(P)));
        assertEquals(List.of(ask("x", "p")), asked);

        assertEquals(List.of(), deliver((LookupRequest) asked.get(0)), "p is undecided: x must wait");

        List<Object> decided = deliver(answer(P, 1));
        Alert story = (Alert) decided.get(0);
        assertEquals(Alert.Kind.STORY, story.kind());
        assertEquals(StoryIds.of("p"), story.storyId());
        assertEquals(List.of(new LookupReply("x", "p", X_IN_P, story.storyId())), decided.subList(1, decided.size()));

        Alert copy = (Alert) deliver((LookupReply) decided.get(1)).get(0);
        assertEquals(Alert.Kind.COPY, copy.kind());
        assertEquals(story.storyId(), copy.storyId());
        assertEquals("p", copy.copyOf());
        assertEquals(X_IN_P, copy.similarity());
        assertEquals(T0, copy.alerted());
    }

    @Test
    void oneAnswerForAllBandsDecidesAtOnceAndARepeatedAnswerIsIgnored() {
        List<Object> decided = deliver(bothBands(P));
        assertEquals(Alert.Kind.STORY, ((Alert) decided.get(0)).kind());
        assertEquals(List.of(), deliver(bothBands(P)), "settled: a replayed answer changes nothing");

        assertEquals(List.of(), deliver(answer(X, 0, candidate(P))));
        assertEquals(List.of(), deliver(bothBands(X, candidate(P))), "overlaps band 0, already answered");
        assertEquals(List.of(ask("x", "p")), deliver(answer(X, 1, candidate(P))));
    }

    @Test
    void itemArrivingWithItsLastAnswerIsDecidedThen() {
        assertEquals(List.of(), deliver(answer(P, 1)), "the item itself has not arrived yet");
        List<Object> decided = deliver(answer(P, 0));

        Alert story = (Alert) decided.get(0);
        assertEquals(Alert.Kind.STORY, story.kind());
        assertEquals("p", story.itemId());
        assertEquals(List.of(new LookupReply("x", "p", X_IN_P, StoryIds.of("p"))), deliver(ask("x", "p")),
                "the settled item keeps its shingles for later copies");
    }

    @Test
    void settledOriginalAnswersAtOnce() {
        deliver(answer(P, 0));
        deliver(answer(P, 1));

        assertEquals(List.of(new LookupReply("x", "p", X_IN_P, StoryIds.of("p"))), deliver(ask("x", "p")));
    }

    /** p and q settled as stories; x found q in both bands and p in one, so q ranks first. */
    private List<Object> xAsksQThenP() {
        deliver(answer(P, 0));
        deliver(answer(P, 1));
        deliver(answer(Q, 0));
        deliver(answer(Q, 1));
        deliver(answer(X, 0, candidate(Q), new Candidate(P, T0.toEpochMilli(), Bands.of(0))));
        return deliver(answer(X, 1, candidate(Q)));
    }

    @Test
    void everyCandidateIsAskedAtOnceAndTheFirstInRankThatSaysYesIsTheParent() {
        assertEquals(List.of(ask("x", "q"), ask("x", "p")), xAsksQThenP());

        LookupReply no = (LookupReply) deliver(ask("x", "q")).get(0);
        assertNull(no.storyId());
        assertEquals(4 / 7.0, no.similarity(), 1e-9);
        assertEquals(List.of(), deliver(no), "p has not replied yet");

        Alert copy = (Alert) deliver((LookupReply) deliver(ask("x", "p")).get(0)).get(0);
        assertEquals(Alert.Kind.COPY, copy.kind());
        assertEquals(StoryIds.of("p"), copy.storyId());
        assertEquals("p", copy.copyOf());
    }

    @Test
    void aLowerCandidatesYesWaitsForTheBetterOnesReply() {
        xAsksQThenP();
        LookupReply yes = (LookupReply) deliver(ask("x", "p")).get(0);
        assertEquals(List.of(), deliver(yes), "q ranks first and has not replied");
        assertEquals(List.of(), deliver(yes), "a repeated reply changes nothing");

        Alert copy = (Alert) deliver((LookupReply) deliver(ask("x", "q")).get(0)).get(0);
        assertEquals(Alert.Kind.COPY, copy.kind());
        assertEquals("p", copy.copyOf());
        assertEquals(X_IN_P, copy.similarity());
        assertEquals(List.of(), deliver(yes), "settled: the reply is ignored");
    }

    @Test
    void theBetterCandidatesYesWinsWhateverOrderTheRepliesComeIn() {
        xAsksQThenP();
        assertEquals(List.of(), deliver(new LookupReply("x", "p", X_IN_P, StoryIds.of("p"))));
        Alert copy = (Alert) deliver(new LookupReply("x", "q", 0.9, StoryIds.of("q"))).get(0);
        assertEquals("q", copy.copyOf());
        assertEquals(StoryIds.of("q"), copy.storyId());
    }

    @Test
    void allSayingNoMakesANewStory() {
        xAsksQThenP();
        assertEquals(List.of(), deliver(new LookupReply("x", "p", 0.1, null)));
        Alert alert = (Alert) deliver(new LookupReply("x", "q", 0.2, null)).get(0);
        assertEquals(Alert.Kind.STORY, alert.kind());
        assertEquals(StoryIds.of("x"), alert.storyId());
    }

    @Test
    void aDecisionStoredWhenCandidatesWereAskedOneByOneAsksTheRestOnANo() {
        deliver(answer(P, 0));
        deliver(answer(P, 1));
        KeyValueStore<String, PendingDecision> pending = context.getStateStore(ProcessorNames.PENDING_STORE);
        KeyValueStore<String, PendingItem> items = context.getStateStore(ProcessorNames.PENDING_ITEM_STORE);
        items.put("x", new PendingItem(tagged(X), SHINGLES.get("x")));
        pending.put("x", new PendingDecision(X, true, BANDS.size(), List.of(), T0.toEpochMilli(), T0.toEpochMilli(),
                candidate(Q), List.of(candidate(P))));

        assertEquals(List.of(ask("x", "p")), deliver(new LookupReply("x", "q", 0.2, null)));
        Alert copy = (Alert) deliver((LookupReply) deliver(ask("x", "p")).get(0)).get(0);
        assertEquals("p", copy.copyOf());
    }

    @Test
    void dissimilarUndecidedCandidateSaysNoAtOnce() {
        deliver(answer(Q, 0));
        List<Object> out = deliver(ask("x", "q"));
        assertEquals(List.of(new LookupReply("x", "q", 4 / 7.0, null)), out);
    }

    @Test
    void copyOfAnOriginalPastRetentionBecomesAStory() {
        deliver(answer(X, 0, candidate(P)));
        LookupRequest ask = (LookupRequest) deliver(answer(X, 1, candidate(P))).get(0);

        LookupReply unknown = (LookupReply) deliver(ask).get(0);
        assertNull(unknown.storyId());
        Alert alert = (Alert) deliver(unknown).get(0);
        assertEquals(Alert.Kind.STORY, alert.kind());
        assertEquals(StoryIds.of("x"), alert.storyId());
    }

    @Test
    void copyWaitingTooLongIsAlertedAsStoryAndTheLateReplyIsIgnored() {
        deliver(answer(X, 0, candidate(P)));
        deliver(answer(X, 1, candidate(P)));
        MockProcessorContext.CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);

        context.resetForwards();
        punctuator.getPunctuator().punctuate(T0.plus(TIMEOUT).minusSeconds(1).toEpochMilli());
        assertEquals(List.of(), forwarded(), "still within the timeout");

        punctuator.getPunctuator().punctuate(T0.plus(TIMEOUT).toEpochMilli());
        List<Object> out = forwarded();
        assertEquals(1, out.size());
        Alert alert = (Alert) out.get(0);
        assertEquals(Alert.Kind.STORY, alert.kind());
        assertEquals("x", alert.itemId());

        assertTrue(deliver(new LookupReply("x", "p", X_IN_P, StoryIds.of("p"))).isEmpty());
    }
}
