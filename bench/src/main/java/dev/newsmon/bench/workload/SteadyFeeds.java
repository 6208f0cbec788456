package dev.newsmon.bench.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

/**
 * News that keeps arriving: item n appears at a fixed time given by the rate of its step, in feed n mod feeds, and
 * each feed shows its latest {@value #ITEMS_PER_FEED} items, as a real feed does. Items are made when they appear,
 * in order, from the seed and n alone, so a run is reproducible. For each item it remembers when it appeared and
 * when a feed response first carried it: the time between is the poll's delay, a politeness policy, and what
 * follows is newsmon's processing latency.
 */
public final class SteadyFeeds implements ServedFeeds {
    static final int ITEMS_PER_FEED = 20;
    private static final int RECENT_ORIGINALS = 50;
    private static final String GUID_PREFIX = "s";

    /** A stretch of time at one rate of new items. */
    public record Step(int itemsPerSecond, Duration length) {
        public Step {
            if (itemsPerSecond <= 0 || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a step needs a positive rate and length: " + itemsPerSecond
                        + " items/s for " + length);
            }
        }

        long items() {
            return itemsPerSecond * length.toMillis() / 1000;
        }
    }

    private final int feeds;
    private final List<Step> steps;
    private final double taggedShare;
    private final double copyShare;
    private final long seed;
    private final long total;
    private final List<SyntheticFeeds.Item> recentOriginals = new ArrayList<>();
    private final SyntheticFeeds.Item[][] latest;
    private final long[] feedVersion;
    private final long[] sentVersion;
    private long startMillis = -1;
    private int made;
    private long taggedSent;
    private long[] appeared = new long[1024];
    private long[] firstSent = new long[1024];
    private boolean[] tagged = new boolean[1024];

    public SteadyFeeds(int feeds, List<Step> steps, double taggedShare, double copyShare, long seed) {
        if (feeds <= 0 || steps.isEmpty()) {
            throw new IllegalArgumentException("a steady workload needs feeds and at least one step");
        }
        this.feeds = feeds;
        this.steps = List.copyOf(steps);
        this.taggedShare = taggedShare;
        this.copyShare = copyShare;
        this.seed = seed;
        this.total = this.steps.stream().mapToLong(Step::items).sum();
        this.latest = new SyntheticFeeds.Item[feeds][ITEMS_PER_FEED];
        this.feedVersion = new long[feeds];
        this.sentVersion = new long[feeds];
    }

    /** Starts the clock: the first item appears at once. */
    public synchronized void start(long epochMillis) {
        startMillis = epochMillis;
    }

    @Override
    public int feeds() {
        return feeds;
    }

    /** Every item the steps make. */
    public long totalItems() {
        return total;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The epoch millis at which the last item appears. */
    public long endMillis() {
        return startMillis + steps.stream().mapToLong(s -> s.length().toMillis()).sum();
    }

    @Override
    public synchronized Document document(int feed) {
        advance(System.currentTimeMillis());
        long version = feedVersion[feed];
        List<SyntheticFeeds.Item> items = new ArrayList<>(ITEMS_PER_FEED);
        for (long k = version - 1; k >= Math.max(0, version - ITEMS_PER_FEED); k--) {
            items.add(latest[feed][(int) (k % ITEMS_PER_FEED)]);
        }
        return new Document("\"" + version + "\"", Articles.rss(feed, items));
    }

    @Override
    public synchronized void sent(int feed, Document document, long epochMillis) {
        long version = Long.parseLong(document.etag().substring(1, document.etag().length() - 1));
        sentVersion[feed] = Math.max(sentVersion[feed], version);
        for (long k = version - 1; k >= Math.max(0, version - ITEMS_PER_FEED); k--) {
            int n = (int) (feed + k * feeds);
            if (firstSent[n] == 0) {
                firstSent[n] = epochMillis;
                taggedSent += tagged[n] ? 1 : 0;
            }
        }
    }

    /** Tagged items a feed response has carried so far. */
    public synchronized long taggedSent() {
        return taggedSent;
    }

    /**
     * True once every item has appeared and every feed has been sent as it ends: from then on no item can be
     * carried for the first time, and one no response carried scrolled out of its feed unpolled.
     */
    public synchronized boolean sentToTheEnd(long now) {
        advance(now);
        if (made < total) {
            return false;
        }
        for (int feed = 0; feed < feeds; feed++) {
            if (sentVersion[feed] < feedVersion[feed]) {
                return false;
            }
        }
        return true;
    }

    /** The item number of a link this workload made, if it is one. */
    public static OptionalInt itemOf(String link) {
        int slash = link == null ? -1 : link.lastIndexOf('/');
        if (slash < 0 || !link.startsWith(GUID_PREFIX, slash + 1)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(link.substring(slash + 1 + GUID_PREFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Items made so far. */
    public synchronized int made() {
        return made;
    }

    public synchronized boolean tagged(int n) {
        return tagged[n];
    }

    /** Tagged items made so far. */
    public synchronized long taggedMade() {
        long count = 0;
        for (int n = 0; n < made; n++) {
            count += tagged[n] ? 1 : 0;
        }
        return count;
    }

    public synchronized long appearedMillis(int n) {
        return appeared[n];
    }

    /** When a feed response first carried item n, or 0 if none has yet. */
    public synchronized long firstSentMillis(int n) {
        return firstSent[n];
    }

    /** The step in which item n appeared. */
    public int stepOf(long n) {
        long before = 0;
        for (int s = 0; s < steps.size(); s++) {
            before += steps.get(s).items();
            if (n < before) {
                return s;
            }
        }
        return steps.size() - 1;
    }

    /** The epoch millis at which item n appears. */
    long appearsAt(long n) {
        long stepStart = startMillis;
        long before = 0;
        for (Step step : steps) {
            if (n < before + step.items()) {
                return stepStart + (n - before) * 1000 / step.itemsPerSecond();
            }
            before += step.items();
            stepStart += step.length().toMillis();
        }
        return Long.MAX_VALUE;
    }

    // Random's first draw barely differs between neighbouring seeds; a mixed seed decorrelates consecutive items.
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private void advance(long now) {
        if (startMillis < 0) {
            return;
        }
        while (made < total && appearsAt(made) <= now) {
            make(made);
            made++;
        }
    }

    private void make(int n) {
        if (n == appeared.length) {
            appeared = Arrays.copyOf(appeared, n * 2);
            firstSent = Arrays.copyOf(firstSent, n * 2);
            tagged = Arrays.copyOf(tagged, n * 2);
        }
        int feed = n % feeds;
        Random r = new Random(mix(seed * 1_000_003L + n));
        String guid = GUID_PREFIX + n;
        long at = appearsAt(n);
        Instant published = Instant.ofEpochMilli(at);
        SyntheticFeeds.Item item;
        if (r.nextDouble() >= taggedShare) {
            item = Articles.local(feed, guid, r, published);
        } else if (!recentOriginals.isEmpty() && r.nextDouble() < copyShare) {
            item = Articles.copy(recentOriginals.get(r.nextInt(recentOriginals.size())), feed, guid, published);
        } else {
            item = Articles.story(feed, guid, r, published);
            if (recentOriginals.size() == RECENT_ORIGINALS) {
                recentOriginals.remove(0);
            }
            recentOriginals.add(item);
        }
        latest[feed][(int) (feedVersion[feed] % ITEMS_PER_FEED)] = item;
        feedVersion[feed]++;
        appeared[n] = at;
        tagged[n] = item.tagged();
    }
}
