package dev.newsmon.app;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.IngestAssembly;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.feedlist.FeedListFile;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.feedlist.FeedsTopic;
import dev.newsmon.ingest.group.FeedGroup;
import dev.newsmon.ingest.schedule.FeedState;
import dev.newsmon.ingest.status.FeedStatusTopic;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest scaled out through Kafka (issue 3, item 7), on the embedded broker: instances in one group on news.feeds
 * share 30 feeds served by a local HTTP server, which tells the instances apart by their User-Agent. Each feed is
 * polled by exactly one instance; an instance that stops (leaving the group) hands its feeds to the other at once,
 * and a {@code newsmon ingest} process killed with SIGKILL hands its feeds over within the session timeout. The
 * {@code feeds} command that edits the list is tested against the same broker.
 */
class FeedGroupIT {
    private static final Logger LOG = LoggerFactory.getLogger(FeedGroupIT.class);
    private static final int FEEDS = 30;
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The group's default session timeout (10 s) and a margin for the rebalance and the next polls. */
    private static final Duration DEAD_HANDOVER = Duration.ofSeconds(20);

    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();
    @TempDir
    Path dir;

    @Test
    void eachFeedIsPolledByOneInstanceAndSurvivorsTakeOverTheFeedsOfOneThatStopsOrDies() throws Exception {
        try (CountingFeedServer server = new CountingFeedServer(FEEDS)) {
            NewsmonConfig base = NewsmonConfig.defaults().withKnown(Map.of(
                    "kafka.bootstrap.servers", BROKER.bootstrapServers(),
                    "ingest.poll.interval", "1s",
                    "ingest.poll.interval.min", "1s"));
            Cluster.open(base).close();
            try (Instance a = Instance.start(base, "it-instance-a");
                 Instance b = Instance.start(base, "it-instance-b")) {
                await("both instances hold partitions of news.feeds").atMost(DEADLINE).until(() ->
                        a.loadedWithPartitions() && b.loadedWithPartitions()
                                && a.partitions() + b.partitions() == base.get(Settings.TOPIC_PARTITIONS));
                long imported = System.nanoTime();
                assertEquals(0, feeds("import", Files.write(dir.resolve("feeds.txt"), server.urls()).toString())
                        .exitCode());

                await("every feed polled twice").atMost(DEADLINE).until(() -> server.urls().stream()
                        .allMatch(u -> server.requests(u) >= 2));
                Map<String, Set<String>> pollers = server.pollersByFeed();
                assertEquals(FEEDS, pollers.size());
                pollers.forEach((feed, agents) -> assertEquals(1, agents.size(), feed + " polled by " + agents));
                Set<String> ofA = a.polledFeeds(server);
                Set<String> ofB = b.polledFeeds(server);
                LOG.info("feeds per instance a={} b={}", ofA.size(), ofB.size());
                assertTrue(!ofA.isEmpty() && !ofB.isEmpty(), "both instances poll: a " + ofA + ", b " + ofB);
                assertEquals(ofA, server.feedsPolledBy(a.agent(), imported), "a polls what Kafka assigned it");
                assertEquals(ofB, server.feedsPolledBy(b.agent(), imported));
                assertEquals(ofA, a.meteredFeeds(server), "per-feed meters follow the feeds");
                assertEquals(ofA.size(), a.gauge("newsmon.ingest.feeds"));

                a.close();
                long stopped = System.nanoTime();
                await("b polls all 30 feeds after a left").atMost(DEADLINE).until(() ->
                        server.feedsPolledBy(b.agent(), stopped).size() == FEEDS);
                LOG.info("handover after a left the group took {} ms", (System.nanoTime() - stopped) / 1_000_000);
                assertEquals(Set.of(), server.feedsPolledBy(a.agent(), stopped), "a stopped polling");
                assertEquals(Set.copyOf(server.urls()), b.meteredFeeds(server));

                try (NewsmonProcess c = NewsmonProcess.start(dir.resolve("logs"), Map.of(),
                        "ingest", "--bootstrap-servers", BROKER.bootstrapServers(),
                        "--set", "data.dir=" + dir.resolve("data-c"),
                        "--set", "ingest.http.user.agent=it-instance-c",
                        "--set", "ingest.poll.interval=1s", "--set", "ingest.poll.interval.min=1s")) {
                    long started = System.nanoTime();
                    await("the ingest process c takes over some feeds").atMost(Duration.ofSeconds(60)).until(() ->
                            !server.feedsPolledBy("it-instance-c", started).isEmpty());
                    Set<String> ofC = new HashSet<>(server.urls());
                    ofC.removeAll(b.polledFeeds(server));
                    assertTrue(ofC.containsAll(server.feedsPolledBy("it-instance-c", started)),
                            "c polls only feeds b gave up");

                    c.close();
                    long killed = System.nanoTime();
                    await("b polls the feeds of c, killed without leaving the group").atMost(DEAD_HANDOVER)
                            .until(() -> server.feedsPolledBy(b.agent(), killed).containsAll(ofC));
                    LOG.info("handover of {} feeds after SIGKILL took {} ms", ofC.size(),
                            (System.nanoTime() - killed) / 1_000_000);
                    assertEquals(FEEDS, b.polledFeeds(server).size());
                }
            }
        }
    }

    @Test
    void theNextPollerOfAFeedReadsTheLatestStatusItsPreviousPollerPublished() throws Exception {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
                "kafka.bootstrap.servers", BROKER.bootstrapServers()));
        Cluster.open(config).close();
        String polled = "https://status-ledger.example/feed.xml";
        String removed = "https://status-gone.example/rss";
        try (KafkaProducer<String, FeedStatus> producer = statusProducer()) {
            producer.send(new ProducerRecord<>(Topics.FEED_STATUS, polled, status(polled, "\"v1\"")));
            producer.send(new ProducerRecord<>(Topics.FEED_STATUS, polled, status(polled, "\"v2\"")));
            producer.send(new ProducerRecord<>(Topics.FEED_STATUS, removed, status(removed, "\"x\"")));
            producer.send(new ProducerRecord<>(Topics.FEED_STATUS, removed, null));
            producer.send(new ProducerRecord<>(Topics.FEED_STATUS, "https://other.example/rss",
                    status("https://other.example/rss", "\"o\""))).get();
        }

        Map<String, FeedStatus> latest = FeedStatusTopic.create(config)
                .latest(Set.of(polled, removed, "https://never-polled.example/rss"));

        assertEquals(Set.of(polled), latest.keySet(), "only feeds asked about, and a tombstone removes one");
        assertEquals("\"v2\"", latest.get(polled).etag());
    }

    @Test
    void removingAFeedWhileNoIngestRunsWithdrawsItsStatusAndAnUnlistedUrlLeavesItsStatus() throws Exception {
        String removed = "https://withdrawn-on-remove.example/rss";
        String unlisted = "https://never-listed-status.example/rss";
        assertEquals(0, feeds("add", removed).exitCode());
        try (KafkaProducer<String, FeedStatus> producer = statusProducer()) {
            producer.send(new ProducerRecord<>(Topics.FEED_STATUS, removed, status(removed, "\"r\"")));
            producer.send(new ProducerRecord<>(Topics.FEED_STATUS, unlisted, status(unlisted, "\"u\""))).get();
        }

        assertEquals("removed " + removed, feeds("remove", removed).out().strip());
        assertEquals(Main.USAGE, feeds("remove", unlisted).exitCode());

        Map<String, String> latest = new HashMap<>();
        try (TopicReader<String, String> reader = TopicReader.strings(BROKER.bootstrapServers(),
                Topics.FEED_STATUS)) {
            reader.toEnd(DEADLINE).forEach(r -> latest.put(r.key(), r.value()));
        }
        assertTrue(latest.containsKey(removed), "the removed feed's status was read: " + latest.keySet());
        assertNull(latest.get(removed), "the removed feed's status ends with a tombstone");
        assertNotNull(latest.get(unlisted), "a refused removal withdraws nothing");
    }

    /** Writes to news.feed-status as ingest's status publisher would, so no ingest instance needs to run. */
    private static KafkaProducer<String, FeedStatus> statusProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", BROKER.bootstrapServers()), new StringSerializer(),
                JsonSerde.of(FeedStatus.class).serializer());
    }

    private static FeedStatus status(String url, String etag) {
        return new FeedStatus(FeedStatus.SCHEMA_VERSION, url, url, null, null, null, 200, 0, null, null, 0, 0, false,
                etag, null, false);
    }

    @Test
    void theFeedsCommandAddsListsImportsExportsAndRemoves() throws Exception {
        String ledger = "https://cli-ledger.example/feed.xml";
        String skyward = "https://cli-skyward.example/atom";
        Path opml = Files.writeString(dir.resolve("subs.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Desk</title></head><body>
                  <outline text="Meridian Wire" type="rss" xmlUrl="https://cli-meridian.example/rss"/>
                  <outline text="Quarry Bay" type="rss" xmlUrl="https://cli-quarry.example/feed"/>
                </body></opml>
                """);
        Path yaml = Files.writeString(dir.resolve("feeds.yaml"), """
                feeds:
                  - url: https://cli-harbor.example/rss
                    name: Harbor Notes
                    interval: 30m
                    user_agent: harbor-reader/1.0
                """);
        List<String> ours = List.of(ledger, skyward, "https://cli-meridian.example/rss",
                "https://cli-quarry.example/feed", "https://cli-harbor.example/rss");
        try {
            assertEquals("added " + ledger, feeds("add", ledger, "--name", "Orbital Ledger").out().strip());
            assertEquals(0, feeds("add", skyward).exitCode());
            assertEquals("imported 2 feeds from " + opml + " into news.feeds",
                    feeds("import", opml.toString()).out().strip());
            assertEquals(0, feeds("import", yaml.toString()).exitCode());
            assertEquals(0, feeds("add", ledger, "--name", "Orbital Ledger Weekly").exitCode(), "a new name");

            assertEquals(List.of(
                    "https://cli-harbor.example/rss\tHarbor Notes",
                    ledger + "\tOrbital Ledger Weekly",
                    "https://cli-meridian.example/rss\tMeridian Wire",
                    "https://cli-quarry.example/feed\tQuarry Bay",
                    skyward + "\t"), ours(feeds("list").out()));

            Path exported = Files.writeString(dir.resolve("export.opml"), feeds("export").out());
            assertEquals(List.of(
                    new FeedSource("https://cli-harbor.example/rss", "Harbor Notes"),
                    new FeedSource(ledger, "Orbital Ledger Weekly"),
                    new FeedSource("https://cli-meridian.example/rss", "Meridian Wire"),
                    new FeedSource("https://cli-quarry.example/feed", "Quarry Bay"),
                    new FeedSource(skyward, null)),
                    FeedListFile.read(exported).stream().filter(f -> ours.contains(f.url())).toList(),
                    "the export imports back: URLs and names");
            assertEquals(Duration.ofMinutes(30), FeedsTopic.read(config(), DEADLINE)
                    .get("https://cli-harbor.example/rss").interval(), "news.feeds keeps what OPML cannot");

            assertEquals("removed " + skyward, feeds("remove", skyward).out().strip());
            Run unknown = feeds("remove", "https://cli-never-listed.example/rss");
            assertEquals(Main.USAGE, unknown.exitCode());
            assertTrue(unknown.err().contains("is not in news.feeds"), unknown.err());
            assertTrue(ours(feeds("list").out()).stream().noneMatch(l -> l.startsWith(skyward)));
        } finally {
            try (FeedsTopic topic = FeedsTopic.create(config())) {
                for (String url : ours) {
                    topic.remove(url);
                }
            }
        }
    }

    private static NewsmonConfig config() {
        return NewsmonConfig.defaults().withKnown(Map.of("kafka.bootstrap.servers", BROKER.bootstrapServers()));
    }

    private static List<String> ours(String listing) {
        return listing.lines().filter(l -> l.startsWith("https://cli-")).toList();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run feeds(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("feeds"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", BROKER.bootstrapServers()));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    /** One ingest instance in this JVM, wired as the ingest command wires it, told apart by its User-Agent. */
    private static final class Instance implements AutoCloseable {
        private final String agent;
        private final Ops ops;
        private final IngestService ingest;
        private final FeedGroup group;
        private final Thread loop;
        private boolean closed;

        private Instance(String agent, Ops ops, IngestService ingest, FeedGroup group, Thread loop) {
            this.agent = agent;
            this.ops = ops;
            this.ingest = ingest;
            this.group = group;
            this.loop = loop;
        }

        static Instance start(NewsmonConfig base, String agent) throws Exception {
            NewsmonConfig config = base.withKnown(Map.of("ingest.http.user.agent", agent));
            Ops ops = Ops.start(config, "ingest");
            FeedStatusTopic statuses = FeedStatusTopic.create(config);
            IngestService ingest = IngestAssembly.build(config, List.of(), statuses, ops);
            FeedGroup group = IngestAssembly.feedGroup(config, ingest, statuses, ops);
            Thread loop = new Thread(ingest::runForever, "it-" + agent);
            loop.start();
            return new Instance(agent, ops, ingest, group, loop);
        }

        String agent() {
            return agent;
        }

        boolean loadedWithPartitions() {
            return group.assignment().loaded() && group.assignment().partitions() > 0;
        }

        int partitions() {
            return group.assignment().partitions();
        }

        /** The server's feeds in this instance's scheduler now. */
        Set<String> polledFeeds(CountingFeedServer server) {
            return ingest.feedStates().stream().map(FeedState::key).filter(server.urls()::contains)
                    .collect(Collectors.toSet());
        }

        Set<String> meteredFeeds(CountingFeedServer server) {
            return ops.registry().find("newsmon.ingest.feed.failures").meters().stream()
                    .map(m -> m.getId().getTag("feed_url")).filter(server.urls()::contains)
                    .collect(Collectors.toSet());
        }

        int gauge(String name) {
            return (int) ops.registry().get(name).gauge().value();
        }

        /** Leaves the group, as a stopped {@code newsmon ingest} does. */
        @Override
        public void close() throws Exception {
            if (closed) {
                return;
            }
            closed = true;
            group.close();
            ingest.close();
            loop.join();
            ops.close();
        }
    }

    /** Serves {@code n} one-item RSS feeds on 127.0.0.1 and remembers each request's feed, User-Agent and time. */
    private static final class CountingFeedServer implements AutoCloseable {
        private record Hit(String feed, String agent, long at) {
        }

        private final List<String> urls;
        private final Queue<Hit> hits = new ConcurrentLinkedQueue<>();
        private final FeedServer server;

        CountingFeedServer(int n) throws IOException {
            server = FeedServer.start(this::answer);
            urls = IntStream.rangeClosed(1, n).mapToObj(i -> server.url("/harbor-" + i + ".xml")).toList();
        }

        private MockResponse answer(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            hits.add(new Hit(server.url(path), request.getHeaders().get("User-Agent"), System.nanoTime()));
            return FeedServer.rss().body(rss(path)).build();
        }

        private static String rss(String path) {
            String id = path.replaceAll("\\D", "");
            return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbor Desk " + id
                    + "</title><link>https://harbor-desk.example/</link><description>Berth notices</description>"
                    + "<item><title>Berth " + id + " reopens after dredging</title>"
                    + "<link>https://harbor-desk.example/berth-" + id + "</link><guid>berth-" + id + "</guid>"
                    + "<description>Pilots may use berth " + id + " again from Monday.</description></item>"
                    + "</channel></rss>";
        }

        List<String> urls() {
            return urls;
        }

        long requests(String feed) {
            return hits.stream().filter(h -> h.feed().equals(feed)).count();
        }

        Set<String> feedsPolledBy(String agent, long sinceNanos) {
            return hits.stream().filter(h -> agent.equals(h.agent()) && h.at() - sinceNanos > 0).map(Hit::feed)
                    .collect(Collectors.toSet());
        }

        Map<String, Set<String>> pollersByFeed() {
            return hits.stream().collect(Collectors.groupingBy(Hit::feed,
                    Collectors.mapping(Hit::agent, Collectors.toSet())));
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
