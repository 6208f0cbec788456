package dev.newsmon.sink.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;
import dev.newsmon.sink.http.AlertView;
import dev.newsmon.sink.http.DashboardServer;
import dev.newsmon.sink.http.SearchHit;
import dev.newsmon.sink.http.SearchQuery;
import dev.newsmon.sink.http.StoryView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search over the alerts the PostgreSQL sink stored, on the real server, and its Atom feed read back with ROME. */
class PostgresStoryArchiveIT {
    private static final Instant DAY = Instant.parse("2026-11-20T08:00:00Z");
    private static TestDatabase db;
    private static PostgresStoryArchive archive;

    @BeforeAll
    static void store() throws Exception {
        db = new TestDatabase();
        try (PostgresSink sink = new PostgresSink(db.url(), TestDatabase.credentials())) {
            sink.write(alert(Alert.Kind.STORY, "s-crew", "c-1", "Cosmonauts stay aboard the station until it retires",
                    "Meridian Newswire", DAY, "space-station", "cosmonauts"));
            sink.write(alert(Alert.Kind.COPY, "s-crew", "c-2", "Cosmonauts to stay on station, agency says",
                    "Bayview Courier", DAY.plusSeconds(300), "space-station", "cosmonauts"));
            sink.write(alert(Alert.Kind.STORY, "s-grain", "g-1", "Harbor grain deal extended for a season",
                    "Harbor City Post", DAY.plus(Duration.ofDays(2)), "trade", "export corridor"));
            sink.write(alert(Alert.Kind.STORY, "s-ru", "r-1", "Экипаж МКС вернулся на Землю",
                    "Vestnik Orbity", DAY.plus(Duration.ofDays(1)), "space-station", "космонавты"));
            sink.commit();
            // A replay that saw the copy first: its id of the story is an alias.
            sink.write(alert(Alert.Kind.STORY, "s-crew-replay", "c-2", "Cosmonauts to stay on station, agency says",
                    "Bayview Courier", DAY.plus(Duration.ofDays(3)), "space-station", "cosmonauts"));
            sink.commit();
        }
        archive = new PostgresStoryArchive(db.url(), TestDatabase.credentials());
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    @Test
    void aStoryIsFoundByAnyOfItsIds() throws Exception {
        StoryView story = archive.story("s-crew-replay").orElseThrow();
        assertEquals("s-crew", story.storyId());
        assertEquals(List.of("s-crew-replay"), story.aliases());
        assertEquals("Cosmonauts stay aboard the station until it retires", story.title());
        assertEquals(List.of("Meridian Newswire", "Bayview Courier"), story.outlets(), "each item once");
        assertEquals(story, archive.story("s-crew").orElseThrow());
    }

    @Test
    void aWordFindsTheStoryWithEveryCopyAndMarksItInTheHeadline() throws Exception {
        List<SearchHit> hits = archive.search(query("cosmonaut", null, null, null));
        assertEquals(1, hits.size(), "stemmed: cosmonaut finds cosmonauts");
        StoryView story = hits.get(0).story();
        assertEquals("s-crew", story.storyId());
        assertEquals("Cosmonauts stay aboard the station until it retires", story.title());
        assertEquals(List.of("Meridian Newswire", "Bayview Courier"), story.outlets());
        assertEquals("c-2", story.copies().get(0).itemId());
        assertEquals(List.of(new MatchedTerm("title", "Cosmonauts", 0, 10)), hits.get(0).titleHits());
        assertTrue(hits.get(0).rank() > 0);
    }

    @Test
    void russianHeadlinesAreSearchedByTheirStems() throws Exception {
        List<SearchHit> hits = archive.search(query("экипажа", null, null, null));
        assertEquals(List.of("s-ru"), hits.stream().map(h -> h.story().storyId()).toList(), "экипажа finds Экипаж");
        assertEquals(List.of(new MatchedTerm("title", "Экипаж", 0, 6)), hits.get(0).titleHits());
        assertEquals(List.of("s-ru"), ids(query("космонавт", null, null, null)), "a Russian term the rules matched");
    }

    @Test
    void termsTheRulesMatchedInTheTextAndTheOutletAreSearchedToo() throws Exception {
        assertEquals(List.of("s-grain"), ids(query("\"export corridor\"", null, null, null)),
                "a phrase the rules matched in the text, not in the title");
        assertEquals(List.of("s-crew"), ids(query("bayview", null, null, null)), "an outlet that carried a copy");
        assertEquals(List.of(), ids(query("cosmonaut -station", null, null, null)), "an excluded word");
    }

    @Test
    void tagAndDatesNarrowTheSearch() throws Exception {
        assertEquals(List.of(), ids(query("cosmonauts", "trade", null, null)));
        assertEquals(List.of("s-grain", "s-ru", "s-crew"), ids(query("", null, null, null)),
                "no words: every story, newest first");
        assertEquals(List.of("s-grain"), ids(query("", null, "2026-11-22", null)));
        assertEquals(List.of("s-crew"), ids(query("", null, null, "2026-11-20")), "to is inclusive of its day");
    }

    @Test
    void aStoryOutsideTheWindowIsRebuiltFromItsRows() throws Exception {
        StoryView story = archive.story("s-crew").orElseThrow();
        assertEquals(2, story.outletCount());
        assertEquals(DAY, story.firstSeen());
        assertEquals(DAY.plusSeconds(300), story.latestSeen());
        assertEquals(List.of("space-station"), story.tags());
        assertEquals("cosmonauts", story.matches().get("space-station").get(0).terms().get(0).term());
        assertEquals("q-space-station in the title", story.relevance().get("space-station").reason(),
                "the evidence is stored with the item, so the story page explains an old story too");
        assertEquals(List.of(0.9), story.copies().stream().map(StoryView.Copy::similarity).toList());
        assertTrue(archive.story("s-none").isEmpty());
    }

    @Test
    void eachSearchIsAlsoAnAtomFeedThatRomeReads() throws Exception {
        Clock clock = Clock.fixed(DAY.plus(Duration.ofDays(3)), ZoneOffset.UTC);
        try (DashboardServer server = DashboardServer.start("127.0.0.1", 0, new AlertView(Duration.ofHours(24), clock),
                archive, clock)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> atom = http.send(HttpRequest.newBuilder(URI.create(server.url()
                    + "feed.atom?q=cosmonauts&tag=space-station")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, atom.statusCode());
            SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
            assertEquals("newsmon search: \u201ccosmonauts\u201d in space-station", feed.getTitle());
            assertEquals(List.of("alternate " + server.url() + "?q=cosmonauts&tag=space-station",
                            "self " + server.url() + "feed.atom?q=cosmonauts&tag=space-station"),
                    feed.getLinks().stream().map(l -> l.getRel() + " " + l.getHref()).toList(),
                    "the dashboard's page of the same search, and the feed itself");
            SyndEntry entry = feed.getEntries().get(0);
            assertEquals(1, feed.getEntries().size());
            assertEquals("urn:newsmon:story:s-crew", entry.getUri());
            assertEquals("https://example.test/c-1", entry.getLink());

            JsonNode json = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(server.url()
                    + "api/search?q=grain")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("grain", json.get("query").get("text").asText());
            assertEquals("s-grain", json.get("hits").get(0).get("story").get("story_id").asText());
            assertEquals("s-crew", Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(server.url()
                    + "api/stories/s-crew")).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("story_id").asText(), "a story older than the window comes from the database");
        }
    }

    @Test
    void aWordOfTheTextAloneFindsTheStoryBelowOneWithItInTheHeadline() throws Exception {
        // A database of its own: the stories here would change what the other tests' searches list.
        try (TestDatabase texts = new TestDatabase()) {
            try (PostgresSink sink = new PostgresSink(texts.url(), TestDatabase.credentials())) {
                sink.write(alert(Alert.Kind.STORY, "s-berth", "b-1", "Port authority opens a new berth",
                        "Coastline Gazette", DAY, "trade", "berth",
                        "The berth will take the ships that bring parts for the desalination plant."));
                sink.write(alert(Alert.Kind.STORY, "s-plant", "p-1", "Desalination plant starts pumping",
                        "Harbor City Post", DAY.plusSeconds(60), "trade", "pumping", null));
                sink.commit();
            }
            assertEquals(List.of("The berth will take the ships that bring parts for the desalination plant.",
                    "null"), texts.rows("SELECT text FROM copies ORDER BY item_id"), "stored as the alert has it");
            PostgresStoryArchive texted = new PostgresStoryArchive(texts.url(), TestDatabase.credentials());
            List<SearchHit> hits = texted.search(query("desalination", null, null, null));
            assertEquals(List.of("s-plant", "s-berth"), hits.stream().map(h -> h.story().storyId()).toList(),
                    "the headline's word ranks above the same word in a text");
            assertTrue(hits.get(0).rank() > hits.get(1).rank());
            assertEquals(List.of(), hits.get(1).titleHits(), "nothing to mark in a headline without the word");
            assertEquals(List.of("s-plant"), texted.search(query("pumping", null, null, null)).stream()
                    .map(h -> h.story().storyId()).toList(), "an alert without text is found as before");
        }
    }

    private static List<String> ids(SearchQuery q) throws Exception {
        return archive.search(q).stream().map(h -> h.story().storyId()).toList();
    }

    private static SearchQuery query(String q, String tag, String from, String to) {
        Map<String, String> params = new HashMap<>();
        params.put("q", q);
        params.put("tag", tag);
        params.put("from", from);
        params.put("to", to);
        params.values().removeIf(Objects::isNull);
        return SearchQuery.of(params);
    }

    private static Alert alert(Alert.Kind kind, String story, String item, String title, String outlet,
                               Instant alerted, String tag, String textTerm) {
        return alert(kind, story, item, title, outlet, alerted, tag, textTerm, null);
    }

    private static Alert alert(Alert.Kind kind, String story, String item, String title, String outlet,
                               Instant alerted, String tag, String textTerm, String text) {
        TagMatch match = new TagMatch("q-" + tag, List.of(new MatchedTerm("text", textTerm, 10, 10 + textTerm.length())));
        TagRelevance relevance = new TagRelevance(1.0, 0.5, List.of(new Evidence("q-" + tag, "title", 1, 1.0)),
                "q-" + tag + " in the title");
        return new Alert(Alert.SCHEMA_VERSION, kind, story, item, "https://example.test/" + item, title, outlet,
                "https://example.test/feed", alerted, alerted, alerted, List.of(tag), Map.of(tag, List.of(match)),
                kind == Alert.Kind.COPY ? 0.9 : null, kind == Alert.Kind.COPY ? "c-1" : null, "test",
                Map.of(tag, relevance), "en", text);
    }
}
