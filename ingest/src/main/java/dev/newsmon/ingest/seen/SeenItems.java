package dev.newsmon.ingest.seen;

import dev.newsmon.common.model.FeedItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The items ingest has already produced, so that a feed listing them again produces nothing:
 * <ul>
 *   <li>an item id seen with the same content hash: unchanged, not produced;</li>
 *   <li>an item id seen with another content hash (the guid stayed, the title, text or link changed): produced
 *       again as the next {@link FeedItem#revision()}, an update;</li>
 *   <li>an unseen id whose content hash is known (the feed changed the guid of an unchanged entry): not produced;</li>
 *   <li>otherwise: a new item, revision 0.</li>
 * </ul>
 * The content hash covers the feed, the canonical link, the title and the text, not the fetch time. An item is
 * remembered only once Kafka has acknowledged it ({@link #remember}), so a failed send is tried again on the next
 * poll. The set is restored at start-up from {@code news.ingest-seen} ({@link #restore}). Thread-safe.
 *
 * <p>The set is bounded by time, not by count: an item is forgotten once it has been neither produced nor listed
 * by its feed for the retention ({@code ingest.seen.retention}). An item its feed still lists is kept by
 * {@link #stillListed}, which writes it again once half the retention has passed, so the topic, which deletes
 * records older than the retention besides compacting, keeps it too. Forgotten items are dropped from memory by a
 * sweep at most every {@link #SWEEP_EVERY}.
 */
public final class SeenItems implements AutoCloseable {
    /** How often at most the set is swept for expired items; a sweep visits every item. */
    public static final Duration SWEEP_EVERY = Duration.ofHours(1);
    private static final int HASH_HEX_CHARS = 32;

    private final SeenStore store;
    private final Clock clock;
    private final Duration retention;
    private final Map<String, SeenRecord> byId = new HashMap<>();
    private final Map<String, String> idByContent = new HashMap<>();
    private Instant nextSweep;
    private long unreadableOnRestore;
    private long expired;

    public SeenItems(SeenStore store, Clock clock, Duration retention) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the seen-set's retention must be positive, not " + retention);
        }
        this.retention = retention;
        this.nextSweep = clock.instant().plus(SWEEP_EVERY);
    }

    /**
     * The items of one read with their content hashes, for {@link #select}, {@link #remember} and
     * {@link #stillListed}. Takes no lock: every worker's poll passes through the set, and hashing is most of the work.
     */
    public static List<HashedItem> hash(List<FeedItem> items) {
        List<HashedItem> hashed = new ArrayList<>(items.size());
        items.forEach(item -> hashed.add(new HashedItem(item, contentHash(item))));
        return hashed;
    }

    /** The items of one read worth producing, each with its revision set; in the order given. */
    public synchronized List<HashedItem> select(List<HashedItem> listed) {
        sweepIfDue();
        List<HashedItem> out = new ArrayList<>();
        Set<String> batchContent = new HashSet<>();
        for (HashedItem hashed : listed) {
            String hash = hashed.contentHash();
            if (!batchContent.add(hash)) {
                continue;
            }
            SeenRecord known = byId.get(hashed.item().itemId());
            if (known != null) {
                if (!known.contentHash().equals(hash)) {
                    out.add(hashed.withRevision(known.revision() + 1));
                }
            } else if (!idByContent.containsKey(hash)) {
                out.add(hashed.withRevision(0));
            }
        }
        return out;
    }

    /** Remembers items Kafka has acknowledged, here and in the store. */
    public synchronized void remember(List<HashedItem> produced) {
        Instant now = clock.instant();
        for (HashedItem hashed : produced) {
            FeedItem item = hashed.item();
            SeenRecord record = new SeenRecord(SeenRecord.SCHEMA_VERSION, item.feedUrl(), hashed.contentHash(),
                    item.revision(), now);
            put(item.itemId(), record);
            store.save(item.itemId(), record);
        }
    }

    /**
     * Keeps the known items of a successful read from expiring while their feed lists them: one whose record is
     * older than half the retention is written again with the current time. Returns how many were.
     */
    public synchronized int stillListed(List<HashedItem> listed) {
        Instant now = clock.instant();
        Instant stale = now.minus(retention.dividedBy(2));
        int renewed = 0;
        for (HashedItem hashed : listed) {
            String id = idByContent.get(hashed.contentHash());
            SeenRecord known = id == null ? null : byId.get(id);
            if (known != null && known.seenAt().isBefore(stale)) {
                SeenRecord record = known.seenAgain(now);
                put(id, record);
                store.save(id, record);
                renewed++;
            }
        }
        return renewed;
    }

    /**
     * Takes one record read back from the store at start-up; a later record for an id replaces an earlier one. A
     * record past the retention (the topic deletes by whole segments, so it may still hold some) is not taken; one
     * without a time (schema version 1) counts as seen now.
     */
    public synchronized void restore(String itemId, SeenRecord record) {
        SeenRecord old = byId.get(itemId);
        if (old != null) {
            byId.remove(itemId);
            idByContent.remove(old.contentHash(), itemId);
        }
        Instant now = clock.instant();
        SeenRecord dated = record.seenAt() == null ? record.seenAgain(now) : record;
        if (!expired(dated, now)) {
            put(itemId, dated);
        }
    }

    /**
     * Counts records of the store that could not be read at start-up: their items may be produced once more, which
     * the processor's re-delivery filter absorbs.
     */
    public synchronized void restoreFailed(int records) {
        unreadableOnRestore += records;
    }

    public synchronized long unreadableOnRestore() {
        return unreadableOnRestore;
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Items forgotten so far because they passed the retention. */
    public synchronized long expired() {
        return expired;
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        for (Iterator<Map.Entry<String, SeenRecord>> it = byId.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, SeenRecord> e = it.next();
            if (expired(e.getValue(), now)) {
                it.remove();
                idByContent.remove(e.getValue().contentHash(), e.getKey());
                expired++;
            }
        }
    }

    private boolean expired(SeenRecord record, Instant now) {
        return record.seenAt().isBefore(now.minus(retention));
    }

    private void put(String itemId, SeenRecord record) {
        byId.put(itemId, record);
        idByContent.put(record.contentHash(), itemId);
    }

    /** SHA-256 of feed, canonical link, title and text, as 32 hex digits. */
    public static String contentHash(FeedItem item) {
        String basis = item.feedUrl() + "\n" + Objects.toString(item.url(), "") + "\n" + item.title() + "\n"
                + item.text();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
