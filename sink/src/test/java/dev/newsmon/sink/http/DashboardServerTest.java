package dev.newsmon.sink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardServerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newHttpClient();
    private AlertView view;
    private DashboardServer server;

    @BeforeEach
    void start() throws Exception {
        view = new AlertView(Duration.ofHours(24), CLOCK);
        view.add(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
        view.add(TestAlerts.alert("s-1", "i-2", Alert.Kind.COPY));
        view.add(TestAlerts.alert("s-1", "i-2", Alert.Kind.COPY)); // re-delivered: counted once
        Alert other = TestAlerts.alert("s-2", "i-3", Alert.Kind.STORY);
        view.add(new Alert(other.schemaVersion(), other.kind(), other.storyId(), other.itemId(), "https://lakeside.example/b",
                "Cosmonaut crew docks", "Lakeside Ledger", other.feedUrl(), other.published(), other.fetched(),
                other.alerted(), List.of("russia-us-cooperation"), other.matches(), null, null, "test",
                other.relevance(), other.language(), other.text()));
        view.feedStatus("https://lakeside.example/rss", new FeedStatus(1, "https://lakeside.example/rss", null,
                "Lakeside Ledger", CLOCK.instant(), null, 0, 3, CLOCK.instant().plusSeconds(1200),
                "cannot fetch https://lakeside.example/rss: timed out after PT20S", 0, 0, false, null, null, false));
        server = DashboardServer.start("127.0.0.1", 0, view, null, CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theAtomFeedParsesBackWithRomeAndFiltersByTag() throws Exception {
        SyndFeed all = atom("feed.atom");
        assertEquals("atom_1.0", all.getFeedType());
        assertEquals(2, all.getEntries().size());
        SyndEntry story = all.getEntries().stream().filter(e -> e.getUri().equals("urn:newsmon:story:s-1"))
                .findFirst().orElseThrow();
        assertEquals("Station news", story.getTitle());
        assertEquals("https://harborcitypost.example/a", story.getLink());
        assertEquals("space-station", story.getCategories().get(0).getName());
        assertTrue(story.getDescription().getValue().startsWith("2 outlets"), story.getDescription().getValue());

        SyndFeed tagged = atom("feed.atom?tag=space-station");
        assertEquals(List.of("Station news"), tagged.getEntries().stream().map(SyndEntry::getTitle).toList());
    }

    @Test
    void theStoriesApiGivesOutletCountsAndFirstAndLatestTimes() throws Exception {
        JsonNode stories = Json.mapper().readTree(get("api/stories?tag=space-station"));
        assertEquals(1, stories.size());
        assertEquals(2, stories.get(0).get("outlets").size());
        assertEquals("2026-11-26T09:05:01Z", stories.get(0).get("first_seen").asText());
        assertFalse(stories.get(0).get("spreading").asBoolean(), "two outlets: not spreading");
        assertTrue(get("dashboard.js").contains("s.spreading"), "the dashboard marks spreading stories");
        JsonNode why = stories.get(0).get("relevance").get("space-station");
        assertEquals("named-station in the title", why.get("reason").asText(), "the dashboard gets the evidence");
        assertEquals("title", why.get("evidence").get(0).get("where").asText());
        assertTrue(get("").contains("<title>newsmon dashboard</title>"));
        assertTrue(get("dashboard.js").contains("UI.follow("), "the dashboard follows the event stream");
        assertTrue(get("ui.js").contains("new EventSource(url)"));
    }

    @Test
    void aStoryIsServedAsAPageAndAsJsonAndAnUnknownOneIsNamed() throws Exception {
        assertTrue(get("story/s-1").contains("<script src=\"/story.js\"></script>"));
        JsonNode story = Json.mapper().readTree(get("api/stories/s-1"));
        assertEquals(List.of("Harbor City Post", "Harbor City Post"), Json.mapper().convertValue(story.get("outlets"),
                List.class));
        assertEquals("i-2", story.get("copies").get(0).get("item_id").asText());
        HttpResponse<String> missing = request("api/stories/s-404");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("older stories are kept only with the PostgreSQL sink"), missing.body());
    }

    @Test
    void feedHealthIsOneRowPerFeedInWordsWithoutTheRawFields() throws Exception {
        JsonNode feeds = Json.mapper().readTree(get("api/feeds"));
        assertEquals(1, feeds.size());
        JsonNode f = feeds.get(0);
        assertEquals("failing", f.get("state").asText());
        assertEquals("No answer in time: the server did not respond before the timeout.", f.get("problem").asText());
        assertTrue(f.get("needs_attention").asBoolean());
        assertEquals("2026-11-26T12:20:00Z", f.get("next_poll").asText());
        assertTrue(f.get("schema_version") == null && f.get("etag") == null, "no raw status fields: " + f);
    }

    @Test
    void withoutADatabaseSearchSaysWhatItNeedsInsteadOfFailing() throws Exception {
        HttpResponse<String> search = request("api/search?q=cosmonauts");
        assertEquals(503, search.statusCode());
        assertEquals(DashboardServer.NO_ARCHIVE, Json.mapper().readTree(search.body()).get("error").asText());
        assertEquals(503, request("feed.atom?q=cosmonauts").statusCode());
        JsonNode info = Json.mapper().readTree(get("api/info"));
        assertEquals(false, info.get("search").asBoolean());
        assertEquals("24 h", info.get("window_label").asText());
        assertEquals(400, request("api/search?q=x&from=yesterday").statusCode(), "a date that cannot be read is named");
    }

    @Test
    @Timeout(30)
    void aNewStoryIsPushedOverServerSentEvents() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.url() + "events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElseThrow());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertEquals(": connected", lines.readLine());
            view.add(TestAlerts.alert("s-9", "i-9", Alert.Kind.STORY));
            String line = nextEvent(lines);
            assertEquals("event: story", line);
            String data = lines.readLine();
            assertEquals("s-9", Json.mapper().readTree(data.substring("data: ".length())).get("story_id").asText());
        }
    }

    @Test
    @Timeout(30)
    void aStoryPageStreamCarriesItsStoryAlone() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.url()
                + "events?story=s-9")).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertEquals(": connected", lines.readLine());
            view.feedStatus("https://lakeside.example/rss", new FeedStatus(1, "https://lakeside.example/rss", null,
                    "Lakeside Ledger", CLOCK.instant(), CLOCK.instant(), 200, 0, CLOCK.instant().plusSeconds(1200),
                    null, 3, 0, false, null, null, false));
            view.add(TestAlerts.alert("s-8", "i-8", Alert.Kind.STORY));
            view.add(TestAlerts.alert("s-9", "i-9", Alert.Kind.STORY));
            String line = nextEvent(lines);
            assertEquals("event: story", line, "no feed event");
            String data = lines.readLine();
            assertEquals("s-9", Json.mapper().readTree(data.substring("data: ".length())).get("story_id").asText(),
                    "no other story's event");
        }
    }

    /** The next event's first line, past comments such as the keep-alive. */
    private static String nextEvent(BufferedReader lines) throws Exception {
        String line;
        do {
            line = lines.readLine();
        } while (line != null && !line.startsWith("event: "));
        return line;
    }

    private SyndFeed atom(String path) throws Exception {
        return new SyndFeedInput().build(new StringReader(get(path)));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = request(path);
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    private HttpResponse<String> request(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
