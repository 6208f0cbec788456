package dev.newsmon.bench.workload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic news workload: {@code feeds} RSS feeds of 20 to 50 items each. Most items are ordinary local
 * news that no rule matches; a share are space-station stories, and a share of those are syndicated copies of a
 * story from another feed (its text with a dateline and a footer), as wire copy is republished.
 *
 * Copies only ever copy an earlier feed, so the feeds are generated once in order at construction, keeping only
 * each feed's first original story; a feed's items are generated again, identically, whenever it is served.
 */
public final class SyntheticFeeds {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] NEWS = ("council budget vote school teachers parents road repairs bridge traffic "
            + "market prices farmers harvest weather rain flood river park festival concert theatre museum library "
            + "hospital nurses doctors clinic patients police court judge trial jury mayor election candidates "
            + "debate taxes housing rent landlords tenants business shop owners jobs factory workers union strike "
            + "train bus airport delays tourists hotel restaurant chef menu football match coach players season "
            + "league cup final goal fans stadium tickets charity volunteers donation community centre garden "
            + "residents neighbours street lights parking fines cyclists lane pedestrians crossing safety report "
            + "study university students research results survey statistics growth decline minister policy plan")
            .split(" ");
    private static final String[] SPACE = ("module crew orbit engineers cargo docking hatch airlock experiment "
            + "freighter thruster solar array radiator battery leak inspection schedule spacewalk robotic arm "
            + "truss segment oxygen water recycler sample telescope antenna software update flight director "
            + "mission planners partner agencies contract launch capsule parachute splashdown reboost altitude")
            .split(" ");

    /** One item: its feed, its guid, whether a rule should tag it, and its RSS text. */
    public record Item(int feed, String guid, boolean tagged, String title, String text, Instant published) {
    }

    private final int feeds;
    private final int minItems;
    private final int maxItems;
    private final double taggedShare;
    private final double copyShare;
    private final long seed;
    private final Item[] firstStory;
    private final long totalItems;
    private final long taggedItems;

    /**
     * @param feeds       number of feeds
     * @param minItems    fewest items in a feed
     * @param maxItems    most items in a feed
     * @param taggedShare share of items that are space-station stories (0..1)
     * @param copyShare   share of those stories that are copies of a story of an earlier feed (0..1)
     * @param seed        the seed of everything generated
     */
    public SyntheticFeeds(int feeds, int minItems, int maxItems, double taggedShare, double copyShare, long seed) {
        this.feeds = feeds;
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.taggedShare = taggedShare;
        this.copyShare = copyShare;
        this.seed = seed;
        this.firstStory = new Item[feeds];
        long total = 0;
        long tagged = 0;
        for (int f = 0; f < feeds; f++) {
            for (Item item : items(f)) {
                total++;
                if (item.tagged()) {
                    tagged++;
                    if (firstStory[f] == null && !item.title().contains(" | Outlet ")) {
                        firstStory[f] = item;
                    }
                }
            }
        }
        this.totalItems = total;
        this.taggedItems = tagged;
    }

    public int feeds() {
        return feeds;
    }

    public long totalItems() {
        return totalItems;
    }

    /** Items a rule tags: each makes exactly one alert, a story or a copy. */
    public long taggedItems() {
        return taggedItems;
    }

    public List<Item> items(int feed) {
        Random r = new Random(seed * 1_000_003L + feed);
        int count = minItems + r.nextInt(maxItems - minItems + 1);
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String guid = "f" + feed + "-i" + i;
            Instant published = START.plusSeconds(3600L * i + feed);
            if (r.nextDouble() >= taggedShare) {
                items.add(new Item(feed, guid, false, "Residents discuss " + words(r, NEWS, 5),
                        "The " + words(r, NEWS, 60) + ", officials said.", published));
            } else if (feed > 0 && r.nextDouble() < copyShare) {
                int originalFeed = r.nextInt(feed);
                Item original = firstStory[originalFeed];
                Item copy = original == null ? story(feed, guid, r, published)
                        : new Item(feed, guid, true, original.title() + " | Outlet " + feed,
                        "DATELINE — " + original.text() + " This story first appeared on Outlet " + originalFeed
                                + ".", published);
                items.add(copy);
            } else {
                items.add(story(feed, guid, r, published));
            }
        }
        return items;
    }

    /** The RSS 2.0 document of one feed. */
    public String rss(int feed) {
        StringBuilder xml = new StringBuilder(16 * 1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Outlet ")
                .append(feed).append("</title><link>https://outlet-").append(feed)
                .append(".example/</link><description>Synthetic outlet of newsmon bench.</description>\n");
        for (Item item : items(feed)) {
            xml.append("<item><title>").append(item.title()).append("</title><link>https://outlet-").append(feed)
                    .append(".example/").append(item.guid()).append("</link><guid isPermaLink=\"false\">")
                    .append(item.guid()).append("</guid><pubDate>").append(RFC_1123.format(item.published()))
                    .append("</pubDate><description><![CDATA[<p>").append(item.text())
                    .append("</p>]]></description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static Item story(int feed, String guid, Random r, Instant published) {
        return new Item(feed, guid, true, "Space station " + words(r, SPACE, 4) + " as NASA updates crews ("
                + guid + ")", "The crew of the International Space Station reported on the " + words(r, SPACE, 80)
                + ", NASA and its partner agencies said about the " + words(r, SPACE, 20) + ".", published);
    }

    private static String words(Random r, String[] vocabulary, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(vocabulary[r.nextInt(vocabulary.length)]);
        }
        return s.toString();
    }
}
