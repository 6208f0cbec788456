package dev.newsmon.app.proof;

import dev.newsmon.app.FeedServer;
import dev.newsmon.ingest.feedlist.FeedSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A syndicated-news workload served over HTTP: {@code stories} space-station stories, each published by a wire
 * and republished by the next outlets with small edits, plus one untagged local item per story and outlet. Every title
 * carries {@code [ref <code>-<n>]}, so a scenario finds its own alerts among those of others on a shared broker.
 * How many stories are visible is set with {@link #publish(int)}, so a test can publish half, inject a fault,
 * then publish the rest.
 */
final class StoryWorkload implements AutoCloseable {
    private static final List<String> NAMED_OUTLETS = List.of("Meridian Wire", "Harbor Ledger", "Pine Valley Times");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Instant EPOCH = Instant.parse("2026-11-20T06:00:00Z");
    private static final String[] WORDS = ("module crew orbit engineers cargo docking hatch airlock laboratory "
            + "experiment freighter thruster solar array radiator battery leak inspection schedule spacewalk robotic "
            + "arm truss segment oxygen water recycler sample freezer telescope camera antenna software update "
            + "ground control flight director mission planners partner agencies contract budget hearing committee "
            + "senators launch pad capsule parachute splashdown recovery ship weather delay rehearsal checklist "
            + "valve pump coolant loop heater sensor alarm drill procedure training simulator instructor rookie "
            + "veteran commander pilot specialist handover ceremony photo interview students classroom radio call "
            + "amateur operators tracking station relay satellite bandwidth downlink uplink data archive scientists "
            + "plants seeds lettuce tomatoes microbes bacteria fungus filter dust vacuum cleaning inventory spare "
            + "parts toolbox wrench bolts panel cover insulation blanket debris shield micrometeoroid impact crater "
            + "window cupola view sunrise sunset earth ocean desert storm aurora lightning city lights night pass")
            .split(" ");
    /** Words of the untagged local items: nothing a rule about space stations could match. */
    private static final String[] LOCAL_WORDS = ("lanterns dumplings noodles cider pottery jam bread honey cheese "
            + "flowers music dancers buskers candles scarves toys books records spices tea coffee pastries olives")
            .split(" ");

    private final String code;
    private final int stories;
    private final int outlets;
    private final int carriers;
    private final AtomicLong latencyMillis = new AtomicLong();
    private final AtomicLong lastOutletServed = new AtomicLong();
    private final AtomicInteger visible = new AtomicInteger();
    private final FeedServer server;

    /** Three outlets: the wire and two that republish it. */
    StoryWorkload(String code, int stories) throws IOException {
        this(code, stories, 3, 3);
    }

    /**
     * @param carriers how many outlets carry the stories (the wire and those republishing it); the others have
     *                 only their local items, so a test can have many feeds without a long chain of copies
     */
    StoryWorkload(String code, int stories, int outlets, int carriers) throws IOException {
        this.code = code;
        this.stories = stories;
        this.outlets = outlets;
        this.carriers = carriers;
        server = FeedServer.start(this::answer);
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        int feed = Integer.parseInt(path.replaceAll("\\D", ""));
        return path.startsWith("/hostile/") ? HostileFeeds.answer(feed) : FeedServer.rss()
                // The time a remote server takes, so that a poll's duration is about fetching, not CPU noise.
                .headersDelay(latencyMillis.get(), TimeUnit.MILLISECONDS)
                .body(new OutletFeed(feed(feed).getBytes(StandardCharsets.UTF_8))).build();
    }

    String code() {
        return code;
    }

    int stories() {
        return stories;
    }

    /** Makes stories 0 (inclusive) to {@code count} (exclusive) appear in every outlet's feed. */
    void publish(int count) {
        visible.set(Math.min(count, stories));
    }

    /** One story alert, and a copy alert per other outlet carrying it, per story. */
    int expectedAlerts() {
        return stories * carriers;
    }

    /** The outlets' feeds: the healthy ones. */
    List<FeedSource> feeds() {
        List<FeedSource> feeds = new ArrayList<>();
        for (int o = 0; o < outlets; o++) {
            feeds.add(new FeedSource(url("/outlet/" + o + ".xml"), outlet(o)));
        }
        return feeds;
    }

    /** Feeds of the same server that fail, each in one of the ways of {@link HostileFeeds}. */
    List<FeedSource> hostileFeeds(int count) {
        List<FeedSource> feeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            feeds.add(new FeedSource(url("/hostile/" + i + ".xml"), "Hostile " + i));
        }
        return feeds;
    }

    void latency(Duration latency) {
        latencyMillis.set(latency.toMillis());
    }

    /** System.nanoTime() when an outlet's feed was last served in full. */
    long lastOutletServed() {
        return lastOutletServed.get();
    }

    String url(String path) {
        return server.url(path);
    }

    /** The story number in an alert's title, or -1 when the alert is not about one of this workload's stories. */
    int storyOf(String title) {
        String marker = "[ref " + code + "-";
        int at = title.indexOf(marker);
        if (at < 0) {
            return -1;
        }
        int end = title.indexOf(']', at);
        return Integer.parseInt(title.substring(at + marker.length(), end));
    }

    private String feed(int outlet) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(outlet(outlet)).append("</title>")
                .append("<link>https://").append(slug(outlet)).append(".example/</link>")
                .append("<description>Fictional outlet of a newsmon test.</description>\n");
        for (int s = visible.get() - 1; s >= 0; s--) {
            if (outlet < carriers) {
                item(xml, slug(outlet), code, "story-" + s, storyTitle(s, outlet), storyText(s, outlet),
                        EPOCH.plusSeconds(600L * s + 60L * outlet));
            }
            item(xml, slug(outlet), code, "local-" + s, "Night market returns to the old quay, week " + s
                    + " [local " + code + "]", localText(s, outlet), EPOCH.plusSeconds(600L * s + 30));
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static void item(StringBuilder xml, String site, String code, String guid, String title, String text,
                     Instant published) {
        xml.append("<item><title>").append(title).append("</title>")
                .append("<link>https://").append(site).append(".example/").append(code).append('/')
                .append(guid).append("</link>")
                .append("<guid isPermaLink=\"false\">").append(code).append('-').append(guid).append("</guid>")
                .append("<pubDate>").append(RFC_1123.format(published)).append("</pubDate>")
                .append("<description><![CDATA[<p>").append(text).append("</p>]]></description></item>\n");
    }

    private String storyTitle(int story, int outlet) {
        Random r = new Random(seed(story));
        String title = "Station " + words(r, 4) + " on the International Space Station, NASA says [ref " + code + "-"
                + story + "]";
        return style(outlet) == 1 ? title + " | " + outlet(outlet) : title;
    }

    /**
     * The wire's text; Harbor Ledger adds a dateline and a footer, Pine Valley Times runs the first part with an
     * "appeared first" line: the edits real syndication makes.
     */
    private String storyText(int story, int outlet) {
        Random r = new Random(seed(story));
        words(r, 4);
        String body = "The crew of the International Space Station reported on the " + words(r, 110)
                + ", NASA and its partner agencies said in a joint statement about the " + words(r, 30) + ".";
        return switch (style(outlet)) {
            case 0 -> body;
            case 1 -> "HARBOR CITY — " + body + " Reporting by Meridian Wire; additional work by our news desk.";
            default -> body.substring(0, body.length() * 4 / 5) + " … The post appeared first on Meridian Wire.";
        };
    }

    private String localText(int story, int outlet) {
        Random r = new Random(seed(story) ^ (outlet + 1) * 7919L);
        return "Stalls with " + words(r, LOCAL_WORDS, 20) + " open at dusk on the quay, organisers said.";
    }

    private long seed(int story) {
        return code.hashCode() * 1_000_003L + story;
    }

    private static String words(Random r, int n) {
        return words(r, WORDS, n);
    }

    private static String words(Random r, String[] vocabulary, int n) {
        return IntStream.range(0, n).mapToObj(i -> vocabulary[r.nextInt(vocabulary.length)])
                .collect(Collectors.joining(" "));
    }

    /** 0: the wire's original; 1: dateline, headline suffix and footer; 2: the opening part with a footer. */
    private static int style(int outlet) {
        return outlet == 0 ? 0 : 2 - outlet % 2;
    }

    private static String outlet(int outlet) {
        return outlet < NAMED_OUTLETS.size() ? NAMED_OUTLETS.get(outlet) : "Outlet " + outlet + " Gazette";
    }

    private static String slug(int outlet) {
        return outlet(outlet).toLowerCase().replace(' ', '-');
    }

    /** An outlet's feed, noting when it was written out in full. */
    private final class OutletFeed implements MockResponseBody {
        private final byte[] xml;

        OutletFeed(byte[] xml) {
            this.xml = xml;
        }

        @Override
        public long getContentLength() {
            return xml.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(xml).flush();
            lastOutletServed.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
