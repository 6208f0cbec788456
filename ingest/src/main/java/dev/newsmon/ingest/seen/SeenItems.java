package dev.newsmon.ingest.seen;

import dev.newsmon.common.model.FeedItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
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
 */
public final class SeenItems implements AutoCloseable {
    private static final int HASH_HEX_CHARS = 32;

    private final SeenStore store;
    private final Map<String, SeenRecord> byId = new HashMap<>();
    private final Map<String, String> idByContent = new HashMap<>();
    private long unreadableOnRestore;

    public SeenItems(SeenStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The items of one read worth producing, each with its revision set; in the order given. */
    public synchronized List<FeedItem> select(List<FeedItem> items) {
        List<FeedItem> out = new ArrayList<>();
        Set<String> batchContent = new HashSet<>();
        for (FeedItem item : items) {
            String hash = contentHash(item);
            if (!batchContent.add(hash)) {
                continue;
            }
            SeenRecord known = byId.get(item.itemId());
            if (known != null) {
                if (!known.contentHash().equals(hash)) {
                    out.add(item.withRevision(known.revision() + 1));
                }
            } else if (!idByContent.containsKey(hash)) {
                out.add(item.withRevision(0));
            }
        }
        return out;
    }

    /** Remembers items Kafka has acknowledged, here and in the store. */
    public synchronized void remember(List<FeedItem> produced) {
        for (FeedItem item : produced) {
            SeenRecord record = new SeenRecord(SeenRecord.SCHEMA_VERSION, item.feedUrl(), contentHash(item),
                    item.revision());
            put(item.itemId(), record);
            store.save(item.itemId(), record);
        }
    }

    /** Takes one record read back from the store at start-up; a later record for an id replaces an earlier one. */
    public synchronized void restore(String itemId, SeenRecord record) {
        SeenRecord old = byId.get(itemId);
        if (old != null) {
            idByContent.remove(old.contentHash(), itemId);
        }
        put(itemId, record);
    }

    /**
     * Counts records of the store that could not be read at start-up: their items may be produced once more, which
     * the processor's seen-id filter absorbs.
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

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
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
