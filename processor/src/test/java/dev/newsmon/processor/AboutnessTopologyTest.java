package dev.newsmon.processor;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.TagRelevance;
import dev.newsmon.processor.tagging.RuleTagger;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.newsmon.processor.Articles.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aboutness through the whole topology with the shipped rules: the title, the lead and repeated mentions in the
 * body make an item about the station, a passing mention does not, and every alert says which and why.
 */
class AboutnessTopologyTest {
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final String TAG = "space-station";
    /** About 70 words on something else, so that what follows is past the lead. */
    private static final String COFFEE_OPENING = "Brightwell Appliances said on Monday that its new countertop"
            + " espresso machine will reach shops in twelve countries by the end of the month, after a year of"
            + " delays caused by a shortage of pressure valves. The company expects the machine to sell for about"
            + " half the price of its professional models, and said early orders from cafes had exceeded its own"
            + " forecast by a third. Shares rose four percent in morning trading in Copenhagen.";

    @TempDir
    Path dataDir;

    private TopologyTestDriver driver;
    private RuleTagger tagger;
    private TestInputTopic<String, FeedItem> items;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void setUp() throws Exception {
        NewsmonConfig config = TopologyDrivers.config(dataDir, Map.of());
        tagger = RuleTagger.load(Path.of("..", "config", "rules.yaml"));
        driver = TopologyDrivers.driver(config, tagger, T0);
        items = driver.createInputTopic(Topics.ITEMS, new StringSerializer(),
                JsonSerde.of(FeedItem.class).serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                JsonSerde.of(Alert.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private List<Alert> alertsFor(FeedItem item) {
        items.pipeInput(item.itemId(), item, T0);
        return alerts.readValuesToList();
    }

    private static Evidence strongest(Alert alert) {
        TagRelevance relevance = alert.relevance().get(TAG);
        assertTrue(relevance != null && relevance.applies(), "relevance of " + TAG + ": " + alert.relevance());
        return relevance.evidence().get(0);
    }

    @Test
    void aHeadlineNamingTheStationIsAboutIt() {
        List<Alert> out = alertsFor(item("title-1", "harbor-city-post",
                "Spacewalkers replace a battery outside the International Space Station",
                "Two astronauts spent six hours on the truss on Thursday, finishing a job that had been postponed"
                        + " twice because of a faulty glove.", T0));
        assertEquals(1, out.size());
        Evidence e = strongest(out.get(0));
        assertEquals(Evidence.TITLE, e.where());
        assertEquals(1.0, out.get(0).relevance().get(TAG).score());
        assertTrue(out.get(0).relevance().get(TAG).reason().contains("in the title"),
                out.get(0).relevance().get(TAG).reason());
        assertTrue(out.get(0).matches().containsKey(TAG), "the hits travel with the evidence");
    }

    @Test
    void aLeadThatIntroducesTheStationIsAboutIt() {
        List<Alert> out = alertsFor(item("lead-1", "orbital-wire", "Cargo ship arrives after a two-day chase",
                "HOUSTON (Orbital Wire) - An uncrewed freighter docked with the International Space Station early on"
                        + " Friday, delivering fresh food, spare parts and a new freezer for biology samples. The"
                        + " crew will unload it over the coming week, the agency said.", T0));
        assertEquals(1, out.size());
        assertEquals(Evidence.LEAD, strongest(out.get(0)).where());
        assertEquals(0.8, out.get(0).relevance().get(TAG).score());
    }

    @Test
    void repeatedMentionsDeepInTheBodyMakeItTheSubject() {
        String body = COFFEE_OPENING + " The firm's engineers first built a version for the International Space"
                + " Station in 2022, working with flight surgeons on how hot a drink may safely be in weightlessness."
                + " That machine is still aboard the space station today. The company says the lessons of that work"
                + " shaped the pump, the valves and the cup sensor of the new countertop model. Crews on the space"
                + " station brew about forty cups a week with it, according to a flight controller.";
        List<Alert> out = alertsFor(item("body-1", "lakeside-ledger", "Espresso maker expands abroad", body, T0));
        assertEquals(1, out.size());
        Evidence e = strongest(out.get(0));
        assertEquals(Evidence.BODY, e.where());
        assertEquals(3, e.mentions(), "three mentions of the station, a sentence or more apart");
        assertTrue(out.get(0).relevance().get(TAG).reason().contains("mentioned 3 times"),
                out.get(0).relevance().get(TAG).reason());
    }

    @Test
    void aPassingMentionDeepInAStoryAboutSomethingElseIsNotAlerted() {
        String body = COFFEE_OPENING + " The firm's engineers once built a version for the International Space"
                + " Station. Analysts said the launch would test whether home buyers pay for cafe quality.";
        FeedItem item = item("passing-1", "lakeside-ledger", "Espresso maker expands abroad", body, T0);
        assertEquals(List.of(), alertsFor(item));
        TagRelevance relevance = tagger.tag(item).relevance().get(TAG);
        assertTrue(relevance != null && !relevance.applies(), "matched but below the threshold: " + relevance);
        assertTrue(relevance.reason().startsWith("a passing mention"), relevance.reason());
    }
}
