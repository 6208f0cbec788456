package dev.newsmon.processor;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompactionStyle;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the off-heap memory of every RocksDB store of the processor: one block cache shared by all stores of all
 * tasks and threads (and of every processor instance in the JVM with the same sizes), with the memtables charged
 * to it through one write-buffer manager, and index and filter blocks kept inside it. Without this each store
 * instance gets its own cache and memtables, so memory grows with the number of partitions.
 *
 * <p>It also undoes two Kafka Streams defaults that make a lookup's cost grow with the size of a store, which
 * matters for dedup: most of its reads are point lookups of band keys that are not there. Streams drops the bloom
 * filters of the last level ({@code optimize_filters_for_hits}, right for a store read mostly for keys it holds), so
 * every miss read the biggest sorted run's index and a data block; and it compacts universally, so a miss checks
 * more sorted runs as the store grows (leveled compaction keeps one per level).
 *
 * <p>What must stay cached for a lookup to be cheap is the filters and indexes, not the data: dedup's lookups are
 * spread evenly over the whole window, so a data block is rarely read twice while it is cached. Half of the cache
 * is reserved for index and filter blocks (high priority), and data blocks of 16 KiB (Streams uses 4 KiB) make the
 * indexes a quarter of the size. Each file keeps one whole index and one whole filter block, so a lookup costs
 * one cache lookup per block; partitioned ones add a search of a top-level index, which grows with the file, to
 * every probe. The price is the size of what the cache holds as one block, about 600 KiB of filter for a 64 MiB
 * file: the filters and indexes of all files must fit the high-priority half, about 42 bytes per item in the dedup
 * window (processor.rocksdb.block.cache), or lookups read whole filters back from the files.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
    /** Streams config key of the shared cache's size in bytes (set from processor.rocksdb.block.cache). */
    public static final String CACHE_BYTES = "newsmon.rocksdb.cache.bytes";
    /** Streams config key of the write buffers' share in bytes (set from processor.rocksdb.write.buffer). */
    public static final String WRITE_BUFFER_BYTES = "newsmon.rocksdb.write.buffer.bytes";

    private static final int MEMTABLES_PER_STORE = 2;
    /**
     * RocksDB allocates memtable memory in arena blocks (by default an eighth of the 16 MiB memtable). A window
     * store is several RocksDB instances (one per segment), so a processor has dozens: with default blocks their
     * first allocations alone exceed the write-buffer limit, and the manager then flushes on nearly every write.
     */
    private static final long ARENA_BLOCK_BYTES = 64 * 1024;
    private static final double HIGH_PRIORITY_SHARE = 0.5;
    /**
     * Smallest shard of the block cache. Each shard has its own share of the capacity, and the write-buffer manager
     * reserves the memtables' memory in 256 KiB pieces that land on shards by hash. With RocksDB's default (up to
     * 64 shards of at least 512 KiB) some shards fill with reservations and evict index and filter blocks as soon
     * as they are read, so lookups read them back from the files. With shards of 32 MiB the reservations spread
     * evenly, and a shard's lock is held only for a cache lookup, so a few shards serve the stream threads of one
     * instance.
     */
    private static final long MIN_SHARD_BYTES = 32L << 20;
    private static final int MAX_SHARD_BITS = 6;
    private static final long DATA_BLOCK_BYTES = 16 * 1024;
    /**
     * Below this size a store (a window store's segment) is one sorted level plus L0, instead of RocksDB's 256 MiB,
     * above which a large segment gets a second level: one more filter to check in every lookup of an absent key.
     * Dedup's stores are read twice as often as they are written, and at news rates (a few items a second) a
     * compaction that rewrites the level every few hours costs less than the extra check on every lookup.
     */
    private static final long LEVEL_BASE_BYTES = 4L << 30;
    private static final Map<Sizes, Shared> SHARED = new ConcurrentHashMap<>();

    private record Sizes(long cacheBytes, long writeBufferBytes) {
    }

    /** Deliberately never closed: they live as long as the JVM, like the stores that use them. */
    private record Shared(Cache cache, WriteBufferManager writeBuffers) {
        static Shared of(Sizes s) {
            Cache cache = new LRUCache(s.cacheBytes(), shardBits(s.cacheBytes()), false, HIGH_PRIORITY_SHARE);
            return new Shared(cache, new WriteBufferManager(s.writeBufferBytes(), cache));
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Sizes sizes = new Sizes(bytes(configs, CACHE_BYTES), bytes(configs, WRITE_BUFFER_BYTES));
        if (sizes.writeBufferBytes() > sizes.cacheBytes()) {
            throw new IllegalArgumentException("the write buffers (" + sizes.writeBufferBytes()
                    + " bytes) must fit in the block cache (" + sizes.cacheBytes() + " bytes)");
        }
        Shared shared = SHARED.computeIfAbsent(sizes, Shared::of);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinL0FilterAndIndexBlocksInCache(true);
        table.setIndexType(IndexType.kBinarySearch);
        table.setPartitionFilters(false);
        table.setBlockSize(DATA_BLOCK_BYTES);
        options.setOptimizeFiltersForHits(false);
        options.setCompactionStyle(CompactionStyle.LEVEL);
        options.setLevelCompactionDynamicLevelBytes(true);
        options.setMaxBytesForLevelBase(LEVEL_BASE_BYTES);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
        // The thread that releases the last reference to a compacted-away file deletes it, by default a stream
        // thread; on a file system mounted with discard an unlink of a large file waits for the disk's discard.
        // This hands deletions (and freeing memtables) to RocksDB's background threads.
        options.setAvoidUnnecessaryBlockingIO(true);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared with the other stores: closing them here would break them.
    }

    /** log2 of the number of cache shards: as many as keep each at {@link #MIN_SHARD_BYTES} or more, at most 64. */
    static int shardBits(long cacheBytes) {
        int bits = 0;
        while (bits < MAX_SHARD_BITS && cacheBytes >> (bits + 1) >= MIN_SHARD_BYTES) {
            bits++;
        }
        return bits;
    }

    private static long bytes(Map<String, Object> configs, String key) {
        Object v = configs.get(key);
        if (v == null) {
            throw new IllegalStateException(key + " is not set; NewsTopology.streamsProperties sets it");
        }
        return Long.parseLong(v.toString());
    }
}
