package dev.newsmon.bench.workload;

import java.time.Instant;
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
public final class SyntheticFeeds implements ServedFeeds {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

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
                    if (firstStory[f] == null && !Articles.isCopy(item)) {
                        firstStory[f] = item;
                    }
                }
            }
        }
        this.totalItems = total;
        this.taggedItems = tagged;
    }

    @Override
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
                items.add(Articles.local(feed, guid, r, published));
            } else if (feed > 0 && r.nextDouble() < copyShare) {
                Item original = firstStory[r.nextInt(feed)];
                items.add(original == null ? Articles.story(feed, guid, r, published)
                        : Articles.copy(original, feed, guid, published));
            } else {
                items.add(Articles.story(feed, guid, r, published));
            }
        }
        return items;
    }

    /** The RSS 2.0 document of one feed; it never changes. */
    public String rss(int feed) {
        return Articles.rss(feed, items(feed));
    }

    @Override
    public Document document(int feed) {
        return new Document("\"" + seed + "-" + feed + "\"", rss(feed));
    }

    @Override
    public void sent(int feed, Document document, long epochMillis) {
    }
}
