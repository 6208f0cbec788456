package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.app.pipeline.IngestAssembly;
import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.common.config.ConfigLoader;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser (headless Chromium through Selenium) against a running pipeline with the
 * PostgreSQL sink, through a restart: the page waits with its empty state, the story arrives live without a reload,
 * newsmon restarts while the page stays open, the page catches up on what came while its stream was down and the
 * story is still there, a failing feed is listed first with its error in words, a search
 * finds the story alerted before the restart, and its page lists its outlets. One partition per topic, so the one
 * partition of news.alerts holds a recent alert (the case in which a restart once showed nothing). Screenshots of
 * each step are kept under target/.
 */
class DashboardBrowserIT {
    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();
    private static final Path SHOTS = Path.of("target");
    private static final String HEADLINE = "Russia will keep cosmonauts";
    private static final Set<String> OUTLETS = Set.of("Meridian Newswire", "Bayview Courier", "Ridgeway Times");

    @TempDir
    Path dir;

    @Test
    void storiesSurviveARestartAndAreFoundBySearchAndOnTheirPage() throws Exception {
        String database = "newsmon_browser_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + database);
        try (FixtureFeedServer feeds = new FixtureFeedServer("/fixtures/once");
             Browser browser = Browser.launch(1280, 900)) {
            Path list = feeds.writeFeedList(dir);
            Files.writeString(list, "http://127.0.0.1:" + feeds.port() + "/vanished.xml\n", StandardOpenOption.APPEND);
            NewsmonConfig config = config(database, list, 0);
            String dashboard;

            try (Pipeline first = Pipeline.start(config, IngestAssembly.feeds(config), System.out)) {
                browser.open(first.dashboardUrl().orElseThrow());
                browser.awaitTrue("document.getElementById('status').textContent === 'live'");
                assertTrue(browser.isTrue("!document.getElementById('empty').hidden"), "the empty state before any story");
                browser.screenshot(SHOTS.resolve("dashboard-empty.png"));
                browser.eval("window.__sameDocument = true");

                first.pollOnce();

                browser.awaitTrue("document.querySelectorAll('#live .live-arrival').length > 0");
                browser.awaitTrue(storyShown());
                assertTrue(browser.isTrue("window.__sameDocument === true"), "the story arrived without a reload");
                assertTrue(browser.isTrue("[...document.querySelectorAll('#live .live-arrival')].every(li => "
                        + "/\\(\\d+ outlets?\\)/.test(li.textContent))"), "every arrival keeps its outlet count");
                browser.screenshot(SHOTS.resolve("dashboard-live.png"));
                first.awaitQuiet(Duration.ofSeconds(60));
                dashboard = first.dashboardUrl().orElseThrow();
                // Held offline from here, the page cannot reconnect before the test has changed something.
                browser.offline(true);
            }
            browser.awaitTrue("document.getElementById('status').textContent === 'reconnecting…'");

            NewsmonConfig samePort = config(database, list, URI.create(dashboard).getPort());
            try (Pipeline restarted = Pipeline.start(samePort, IngestAssembly.feeds(samePort), System.out)) {
                // No poll after the restart: what the page shows was read back from the topics. The page stayed
                // open; its event stream broke with the restart and does not bring back what came meanwhile.
                String late = "http://127.0.0.1:" + feeds.port() + "/late.xml";
                publishStatus(late, new FeedStatus(FeedStatus.SCHEMA_VERSION, late, late, null, Instant.now(), null,
                        500, 1, null, "HTTP status 500", 0, 0, false, null, null, false));
                await().atMost(Duration.ofSeconds(60)).until(() -> get(dashboard + "api/feeds").contains(late));
                assertEquals(5L, browser.eval("document.querySelectorAll('#feeds tbody tr').length"),
                        "the status came while the page was offline");
                browser.offline(false);
                browser.awaitTrue("document.querySelectorAll('#feeds tbody tr').length === 6");
                browser.awaitTrue("document.getElementById('status').textContent === 'live'");
                assertTrue(browser.isTrue("window.__sameDocument === true"), "caught up without a reload");
                publishStatus(late, null);
                browser.awaitTrue("document.querySelectorAll('#feeds tbody tr').length === 5");

                browser.awaitTrue(storyShown());
                browser.awaitTrue("document.querySelectorAll('#feeds tbody tr').length === 5");
                assertTrue(browser.fitsWidth(), "no horizontal scroll at 1280 px");
                browser.screenshot(SHOTS.resolve("dashboard-after-restart.png"));

                List<WebElement> rows = browser.driver().findElements(By.cssSelector("#feeds tbody tr"));
                assertEquals(List.of("failing", "failing", "ok", "ok", "ok"),
                        rows.stream().map(r -> r.getAttribute("data-state")).toList(), "failing feeds first");
                assertEquals(Set.of("Not found (HTTP 404): nothing is at this address any more.",
                                "Not a readable feed"),
                        rows.subList(0, 2).stream().map(r -> r.findElement(By.cssSelector(".problem")).getText())
                                .map(t -> t.startsWith("Not a readable feed") ? "Not a readable feed" : t.lines().findFirst().orElse(""))
                                .collect(Collectors.toSet()), "each failure in words");
                assertTrue(browser.driver().findElement(By.id("attention")).getText()
                        .startsWith("2 of 5 feeds need attention"));
                browser.eval("document.getElementById('feeds-section').scrollIntoView()");
                browser.screenshot(SHOTS.resolve("feed-health.png"));
                // Sorting from the keyboard: the outlet header is a button that Enter presses.
                browser.driver().findElement(By.cssSelector("#feeds th[data-sort=outlet] button")).sendKeys(Keys.ENTER);
                browser.awaitTrue("document.querySelector('#feeds th[data-sort=outlet]').getAttribute('aria-sort') "
                        + "=== 'ascending'");
                assertEquals("127.0.0.1/broken.xml", browser.driver().findElement(
                        By.cssSelector("#feeds tbody tr:first-child strong")).getText(), "sorted by outlet");

                WebElement q = browser.driver().findElement(By.id("q"));
                q.sendKeys("cosmonauts", Keys.ENTER);
                browser.awaitTrue("[...document.querySelectorAll('#results .story')].some(s => "
                        + "s.textContent.includes('" + HEADLINE + "') && s.querySelector('mark'))");
                browser.eval("window.scrollTo(0, 0)");
                browser.screenshot(SHOTS.resolve("search.png"));

                browser.driver().findElement(By.cssSelector("#results .story h3 a")).click();
                browser.awaitTrue("document.getElementById('status').textContent === 'live'");
                browser.awaitTrue("document.querySelectorAll('#outlets li').length === 3");
                assertEquals(OUTLETS, browser.driver().findElements(By.cssSelector("#outlets li")).stream()
                        .map(li -> li.getAttribute("data-outlet")).collect(Collectors.toSet()), "the story page lists its outlets");
                assertTrue(browser.driver().findElement(By.id("story-title")).getText().startsWith(HEADLINE));
                assertEquals(3, browser.driver().findElements(By.cssSelector("#outlets li a[href^='https://']")).size(),
                        "a link to every copy");
                assertTrue(browser.fitsWidth());
                browser.fullPageScreenshot(SHOTS.resolve("story-page.png"));

                browser.viewport(390, 844);
                assertTrue(browser.fitsWidth(), "the story page fits a phone");
                browser.screenshot(SHOTS.resolve("story-phone.png"));
                browser.driver().navigate().back();
                browser.awaitTrue(storyShown());
                assertTrue(browser.fitsWidth(), "the dashboard fits a phone");
                browser.screenshot(SHOTS.resolve("dashboard-phone.png"));

                // A page left open for days: the arrivals keep the latest 50, and stories leave with the window.
                browser.eval("[...Array(60).keys()].forEach(i => addArrival({story_id: 's-' + i, title: 'T' + i, "
                        + "latest_seen: new Date().toISOString(), outlets: ['O']}))");
                assertEquals(50L, browser.eval("document.querySelectorAll('#live li').length"));
                assertEquals("T59", browser.eval("document.querySelector('#live li a').textContent"), "newest first");
                browser.eval("windowMillis = 1");
                browser.awaitTrue("(renderStories(), document.querySelectorAll('#stories .story').length === 0)");

                // Two searches whose answers come back in the other order: the latest search's answer stays.
                browser.eval("(() => { const real = UI.getJson; window.__answers = []; UI.getJson = (url) => "
                        + "new Promise((done) => window.__answers.push(() => real(url).then(done))); })()");
                browser.eval("(search(new URLSearchParams({q: 'cosmonauts'})), "
                        + "search(new URLSearchParams({q: 'zzzqqq'})), window.__answers.length)");
                browser.eval("window.__answers[1]()");
                browser.awaitTrue("document.getElementById('results-title').textContent.includes('zzzqqq')");
                // Done once the late answer and everything the page did with it (a task after its promise) are over.
                browser.eval("(window.__answers[0]().then(() => new Promise((r) => setTimeout(r, 0)))"
                        + ".then(() => { window.__lateDone = true; }), true)");
                browser.awaitTrue("window.__lateDone === true");
                assertTrue(browser.isTrue("document.getElementById('results-title').textContent.includes('zzzqqq')"),
                        "the earlier search's late answer was not shown");

                // A story that keeps spreading while its page is open: a fourth outlet's copy shows without a reload.
                ObjectNode copy = (ObjectNode) Files.readAllLines(dir.resolve("out").resolve("alerts.jsonl")).stream()
                        .map(DashboardBrowserIT::json).filter(a -> a.path("kind").asText().equals("copy"))
                        .reduce((a, b) -> b).orElseThrow();
                String storyId = copy.path("story_id").asText();
                browser.open(dashboard + "story/" + storyId);
                browser.awaitTrue("document.getElementById('status').textContent === 'live'");
                browser.awaitTrue("document.querySelectorAll('#outlets li').length === 3");
                browser.eval("window.__sameDocument = true");
                copy.put("item_id", "late-copy").put("outlet", "Harbor Lantern")
                        .put("url", "https://harbor-lantern.example/late-copy").put("alerted", Instant.now().toString());
                publish(Topics.ALERTS, storyId, Json.mapper().writeValueAsBytes(copy));
                browser.awaitTrue("document.querySelectorAll('#outlets li').length === 4");
                assertTrue(browser.isTrue("window.__sameDocument === true"), "the copy came without a reload");
                assertTrue(browser.driver().findElement(By.id("timeline-title")).getText().contains("4 outlets"));
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static String storyShown() {
        return "[...document.querySelectorAll('#stories .story')].some(s => s.textContent.includes('" + HEADLINE
                + "') && s.querySelector('mark') && s.querySelector('.outlet-count').textContent === '3 outlets')";
    }

    private NewsmonConfig config(String database, Path feedList, int dashboardPort) throws Exception {
        return ConfigLoader.load(null, Map.of(), Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", BROKER.bootstrapServers()), Map.entry("topics.partitions", "1"),
                Map.entry("data.dir", dir.resolve("data").toString()),
                Map.entry("processor.rules.file", "../config/rules.yaml"), Map.entry("ingest.feeds", feedList.toString()),
                Map.entry("sink.out.dir", dir.resolve("out").toString()), Map.entry("sink.console", "false"),
                Map.entry("sink.postgres.enabled", "true"), Map.entry("sink.postgres.user", "postgres"),
                Map.entry("sink.postgres.url", "jdbc:postgresql://127.0.0.1:5432/" + database),
                Map.entry("sink.http.enabled", "true"), Map.entry("sink.http.port", String.valueOf(dashboardPort))));
    }

    /** A feed's status on news.feed-status, or with null its withdrawal. */
    private static void publishStatus(String feedUrl, FeedStatus status) throws Exception {
        publish(Topics.FEED_STATUS, feedUrl,
                status == null ? null : JsonSerde.of(FeedStatus.class).serializer().serialize(Topics.FEED_STATUS, status));
    }

    private static void publish(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", BROKER.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null);
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
