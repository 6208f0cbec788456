package dev.newsmon.processor.subscribe;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.subscription.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Growth alerts on the test driver: exactly one per story at the threshold, none below it or too late. */
class GrowthAlertTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> TAGS = List.of("space-station");

    @TempDir
    Path dir;

    private static Subscription watching(String name, Subscription.Growth growth) {
        return new Subscription(0, name, new Subscription.Filter(TAGS, null, null, null, null, null), null, null,
                null, growth);
    }

    @Test
    void aStoryThatReachesThreeOutletsWithinSixHoursGetsExactlyOneGrowthAlert() {
        try (SubscriberDrivers d = new SubscriberDrivers(dir, Map.of())) {
            d.subscribe(watching("orbit-desk", null));
            d.alert(SubscriberDrivers.alert("s-spread", "a1", Alert.Kind.STORY, "Tidewater Gazette", TAGS,
                    "Crew returns from the station", T0));
            d.alert(SubscriberDrivers.alert("s-spread", "a2", Alert.Kind.COPY, "Harbor City Post", TAGS,
                    "Station crew back on Earth", T0.plus(Duration.ofHours(1))));
            // A second item of an outlet already counted does not make a third outlet.
            d.alert(SubscriberDrivers.alert("s-spread", "a3", Alert.Kind.COPY, "Harbor City Post", TAGS,
                    "Station crew back on Earth (update)", T0.plus(Duration.ofMinutes(90))));
            assertEquals(0, growth(d.topic("orbit-desk")).size(), "two outlets are below the threshold");

            d.alert(SubscriberDrivers.alert("s-spread", "a4", Alert.Kind.COPY, "Lakeshore Ledger", TAGS,
                    "Astronauts land", T0.plus(Duration.ofHours(5))));
            List<SubscriberDrivers.Out> afterThird = d.topic("orbit-desk");
            List<SubscriberDrivers.Out> growth = growth(afterThird);
            assertEquals(1, growth.size(), "the third outlet reaches the threshold");
            SubscriberDrivers.Out g = growth.get(0);
            assertEquals("dev.newsmon.alert.growth", g.ceType());
            assertEquals("growth-s-spread", g.ceId());
            assertEquals("s-spread", g.key());
            assertEquals("growth", g.body().get("kind").asText());
            assertEquals("Crew returns from the station", g.body().get("title").asText(), "the story's headline");
            assertEquals(List.of("Tidewater Gazette", "Harbor City Post", "Lakeshore Ledger"),
                    g.body().get("outlets").findValuesAsText("outlet"));
            assertEquals(T0.toString(), g.body().get("first_seen").asText());
            assertEquals(T0.plus(Duration.ofHours(5)).toString(), g.body().get("reached").asText());
            assertEquals(3, g.body().get("threshold").asInt());

            d.alert(SubscriberDrivers.alert("s-spread", "a5", Alert.Kind.COPY, "Pine Valley Courier", TAGS,
                    "Capsule splashes down", T0.plus(Duration.ofHours(6))));
            assertEquals(0, growth(d.topic("orbit-desk")).size(), "a fourth outlet sends no second growth alert");
            assertEquals(1, d.registry.get("newsmon.subscribers.growth").counter().count());
        }
    }

    @Test
    void noGrowthAlertBelowTheThresholdOrWhenTheThirdOutletComesTooLate() {
        try (SubscriberDrivers d = new SubscriberDrivers(dir, Map.of())) {
            d.subscribe(watching("orbit-desk", null));
            d.alert(SubscriberDrivers.alert("s-two", "b1", Alert.Kind.STORY, "Tidewater Gazette", TAGS, "Dock", T0));
            d.alert(SubscriberDrivers.alert("s-two", "b2", Alert.Kind.COPY, "Harbor City Post", TAGS, "Dock",
                    T0.plus(Duration.ofHours(2))));
            d.alert(SubscriberDrivers.alert("s-late", "c1", Alert.Kind.STORY, "Tidewater Gazette", TAGS, "Leak", T0));
            d.alert(SubscriberDrivers.alert("s-late", "c2", Alert.Kind.COPY, "Harbor City Post", TAGS, "Leak",
                    T0.plus(Duration.ofHours(1))));
            d.alert(SubscriberDrivers.alert("s-late", "c3", Alert.Kind.COPY, "Lakeshore Ledger", TAGS, "Leak",
                    T0.plus(Duration.ofHours(7))));
            List<SubscriberDrivers.Out> out = d.topic("orbit-desk");
            assertEquals(5, out.size(), "every alert is routed");
            assertTrue(growth(out).isEmpty(), "two outlets, or a third after 6 h, is no growth: " + out);
        }
    }

    @Test
    void theThresholdIsPerSubscriptionAndMutedOutletsDoNotCount() {
        try (SubscriberDrivers d = new SubscriberDrivers(dir, Map.of())) {
            d.subscribe(watching("quick", new Subscription.Growth(2, "1h")));
            d.subscribe(new Subscription(0, "muting", new Subscription.Filter(TAGS, null, null, null,
                    List.of("Harbor City Post"), null), null, null, null, null));
            d.alert(SubscriberDrivers.alert("s-1", "d1", Alert.Kind.STORY, "Tidewater Gazette", TAGS, "Spacewalk", T0));
            d.alert(SubscriberDrivers.alert("s-1", "d2", Alert.Kind.COPY, "Harbor City Post", TAGS, "Spacewalk",
                    T0.plus(Duration.ofMinutes(30))));
            d.alert(SubscriberDrivers.alert("s-1", "d3", Alert.Kind.COPY, "Lakeshore Ledger", TAGS, "Spacewalk",
                    T0.plus(Duration.ofMinutes(40))));
            assertEquals(1, growth(d.topic("quick")).size(), "two outlets within 1 h reach 'quick'");
            List<SubscriberDrivers.Out> muting = d.topic("muting");
            assertTrue(growth(muting).isEmpty(), "a muted outlet is not counted: two of three count for 'muting'");
            assertEquals(List.of("d1", "d3"), muting.stream().map(SubscriberDrivers.Out::ceId).toList(),
                    "the muted outlet's alert is not routed");
        }
    }

    private static List<SubscriberDrivers.Out> growth(List<SubscriberDrivers.Out> out) {
        return out.stream().filter(o -> "dev.newsmon.alert.growth".equals(o.ceType())).toList();
    }
}
