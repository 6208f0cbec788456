package dev.newsmon.processor.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.subscription.Digest;
import dev.newsmon.common.subscription.DigestSchedule;
import dev.newsmon.common.subscription.Subscription;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subscriber topology's filters, its headers and its digests, on the test driver. */
class SubscriberTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:05:00Z");
    private static final List<String> STATION = List.of("space-station");

    @TempDir
    Path dir;

    private static Subscription.Filter filter(List<String> any, List<String> all, Integer minOutlets, String language,
                                              String query) {
        return new Subscription.Filter(any, all, minOutlets, language, null, query);
    }

    private static Subscription sub(String name, Subscription.Filter filter) {
        return new Subscription(0, name, filter, null, null, null, new Subscription.Growth(0, null));
    }

    @Test
    void eachSubscriptionGetsExactlyTheAlertsItsFilterMatchesWithCloudEventsHeaders() {
        try (SubscriberDrivers d = new SubscriberDrivers(dir, Map.of())) {
            d.subscribe(sub("station", filter(STATION, null, null, null, null)));
            d.subscribe(sub("both", filter(null, List.of("space-station", "russia"), null, null, null)));
            d.subscribe(sub("three-outlets", filter(STATION, null, 3, null, null)));
            d.subscribe(sub("docking-text", filter(null, null, null, null, "text:docking")));

            d.alert(SubscriberDrivers.alert("s-1", "i1", Alert.Kind.STORY, "Tidewater Gazette", STATION,
                    "Crew swap at the station", "The capsule completed its docking on time.", T0));
            d.alert(SubscriberDrivers.alert("s-2", "i2", Alert.Kind.STORY, "Harbor City Post",
                    List.of("russia", "space-station"), "Roscosmos module", T0.plusSeconds(60)));
            d.alert(SubscriberDrivers.alert("s-1", "i3", Alert.Kind.COPY, "Harbor City Post", STATION,
                    "Crew swap", T0.plusSeconds(120)));
            d.alert(SubscriberDrivers.alert("s-1", "i4", Alert.Kind.COPY, "Lakeshore Ledger", STATION,
                    "Crew swap", T0.plusSeconds(180)));

            assertEquals(List.of("i1", "i2", "i3", "i4"), ids(d.topic("station")));
            assertEquals(List.of("i2"), ids(d.topic("both")), "tags_all needs every tag");
            assertEquals(List.of("i4"), ids(d.topic("three-outlets")), "from the story's third outlet on");
            assertEquals(List.of("i1"), ids(d.topic("docking-text")),
                    "the query reads the item's text, which only i1's alert carried");
            assertEquals(3, d.registry.get("newsmon.subscribers.text.missing").counter().count(),
                    "the three alerts without a text were queried on their title");

            d.alert(SubscriberDrivers.alert("s-3", "i5", Alert.Kind.STORY, "Tidewater Gazette", STATION, "Reboost",
                    T0.plusSeconds(240)));
            SubscriberDrivers.Out out = d.topic("station").get(0);
            assertEquals("s-3", out.key(), "keyed by story id, like news.alerts");
            assertEquals("dev.newsmon.alert.story", out.ceType());
            assertEquals("i5", out.ceId());
            assertEquals("/newsmon/subscribers/newsmon-subscribers/station", out.ceSource());
            assertEquals("Reboost", out.body().get("title").asText(), "the alert's own JSON");
        }
    }

    @Test
    void aLanguageFilterReadsTheAlertsOptionalLanguageAndUnknownFieldsPassThrough() {
        try (SubscriberDrivers d = new SubscriberDrivers(dir, Map.of())) {
            d.subscribe(sub("english", filter(null, null, null, "en", null)));
            ObjectNode english = Json.mapper().valueToTree(SubscriberDrivers.alert("s-1", "e1", Alert.Kind.STORY,
                    "Tidewater Gazette", STATION, "Station news", T0));
            english.put("language", "en-GB");
            ObjectNode german = english.deepCopy().put("item_id", "g1").put("story_id", "s-2").put("language", "de");
            ObjectNode unstated = english.deepCopy().put("item_id", "u1").put("story_id", "s-3");
            unstated.remove("language");
            var raw = d.driver.createInputTopic(Topics.ALERTS, new StringSerializer(),
                    JsonSerde.of(JsonNode.class).serializer());
            raw.pipeInput("s-1", english, T0);
            raw.pipeInput("s-2", german, T0);
            raw.pipeInput("s-3", unstated, T0);
            List<SubscriberDrivers.Out> out = d.topic("english");
            assertEquals(List.of("e1"), ids(out), "en matches en-GB; de and an alert without a language do not");
            assertEquals("en-GB", out.get(0).body().get("language").asText(), "a field of a newer alert is kept");
        }
    }

    @Test
    void aStoryIsForgottenAWeekAfterItsLatestAlertInRecordTimeWhateverTheTimesItStates() {
        try (SubscriberDrivers d = new SubscriberDrivers(dir, Map.of())) {
            d.subscribe(sub("two-outlets", filter(STATION, null, 2, null, null)));
            Instant stated = Instant.parse("2025-01-01T00:00:00Z");
            Instant now = T0;
            d.alert(SubscriberDrivers.alert("s-1", "o1", Alert.Kind.STORY, "Tidewater Gazette", STATION, "A", stated),
                    now);
            // Stream time moves on by hours: the story's stated time, a year back, does not make it old.
            d.alert(SubscriberDrivers.alert("s-9", "o2", Alert.Kind.STORY, "Harbor City Post", STATION, "B", stated),
                    now.plus(Duration.ofHours(3)));
            d.alert(SubscriberDrivers.alert("s-1", "o3", Alert.Kind.COPY, "Harbor City Post", STATION, "A", stated),
                    now.plus(Duration.ofHours(4)));
            assertEquals(List.of("o3"), ids(d.topic("two-outlets")), "s-1's second outlet");

            d.alert(SubscriberDrivers.alert("s-8", "o4", Alert.Kind.STORY, "Harbor City Post", STATION, "C", stated),
                    now.plus(Duration.ofDays(12)));
            d.alert(SubscriberDrivers.alert("s-1", "o5", Alert.Kind.COPY, "Lakeshore Ledger", STATION, "A", stated),
                    now.plus(Duration.ofDays(12)));
            assertEquals(List.of(), ids(d.topic("two-outlets")),
                    "a week after its latest alert s-1 starts again from one outlet");
        }
    }

    @Test
    void aRemovedSubscriptionStopsItsFlow() {
        try (SubscriberDrivers d = new SubscriberDrivers(dir, Map.of())) {
            d.subscribe(sub("station", filter(STATION, null, null, null, null)));
            d.alert(SubscriberDrivers.alert("s-1", "r1", Alert.Kind.STORY, "Tidewater Gazette", STATION, "A", T0));
            d.unsubscribe("station");
            d.alert(SubscriberDrivers.alert("s-2", "r2", Alert.Kind.STORY, "Tidewater Gazette", STATION, "B", T0));
            assertEquals(List.of("r1"), ids(d.topic("station")));
        }
    }

    @Test
    void anHourlyDigestHasOneEntryPerStoryAndIsWrittenOnceWhenItsWindowCloses() {
        try (SubscriberDrivers d = new SubscriberDrivers(dir, Map.of("subscribers.digest.grace", "1m"))) {
            d.subscribe(new Subscription(0, "morning", filter(STATION, null, null, null, null), null, false,
                    DigestSchedule.HOURLY, null));
            TestOutputTopic<String, Digest> digests = d.driver.createOutputTopic(Topics.DIGESTS,
                    new StringDeserializer(), JsonSerde.of(Digest.class).deserializer());
            d.alert(SubscriberDrivers.alert("s-1", "h1", Alert.Kind.COPY, "Harbor City Post", STATION, "Copy first",
                    T0));
            d.alert(SubscriberDrivers.alert("s-1", "h2", Alert.Kind.STORY, "Tidewater Gazette", STATION,
                    "The story's own headline", T0.plus(Duration.ofMinutes(10))));
            d.alert(SubscriberDrivers.alert("s-2", "h3", Alert.Kind.STORY, "Lakeshore Ledger", STATION, "Second story",
                    T0.plus(Duration.ofMinutes(30))));
            d.alert(SubscriberDrivers.alert("s-3", "h4", Alert.Kind.STORY, "Lakeshore Ledger", STATION, "Next hour",
                    Instant.parse("2026-03-02T11:00:30Z")));
            assertTrue(digests.isEmpty(), "the 10:00 window is open until 11:01");

            d.alert(SubscriberDrivers.alert("s-4", "h5", Alert.Kind.STORY, "Lakeshore Ledger", STATION, "Later",
                    Instant.parse("2026-03-02T11:02:00Z")));
            List<Digest> written = digests.readValuesToList();
            assertEquals(1, written.size(), "one digest per window");
            Digest digest = written.get(0);
            assertEquals("morning@2026-03-02T10:00:00Z", digest.id());
            assertEquals(Instant.parse("2026-03-02T11:00:00Z"), digest.windowEnd());
            assertEquals(List.of("The story's own headline", "Second story"),
                    digest.stories().stream().map(Digest.Entry::headline).toList());
            Digest.Entry first = digest.stories().get(0);
            assertEquals(List.of("Harbor City Post", "Tidewater Gazette"), first.outlets());
            assertEquals(T0, first.firstSeen());
            assertEquals(T0.plus(Duration.ofMinutes(10)), first.latestSeen());

            d.alert(SubscriberDrivers.alert("s-5", "h6", Alert.Kind.STORY, "Lakeshore Ledger", STATION, "Later still",
                    Instant.parse("2026-03-02T11:30:00Z")));
            assertTrue(digests.isEmpty(), "a closed window is written once");
        }
    }

    private static List<String> ids(List<SubscriberDrivers.Out> out) {
        return out.stream().map(SubscriberDrivers.Out::ceId).toList();
    }
}
