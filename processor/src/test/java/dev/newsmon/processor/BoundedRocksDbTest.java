package dev.newsmon.processor;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompactionStyle;
import org.rocksdb.IndexType;
import org.rocksdb.Options;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedRocksDbTest {
    private static final Map<String, Object> SIZES =
            Map.of(BoundedRocksDb.CACHE_BYTES, "8388608", BoundedRocksDb.WRITE_BUFFER_BYTES, "4194304");

    /** Options as Kafka Streams hands them to the config setter. */
    private static Options streamsDefaults() {
        Options options = new Options();
        options.setOptimizeFiltersForHits(true);
        options.setCompactionStyle(CompactionStyle.UNIVERSAL);
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }

    @Test
    void aMissingKeyIsAnsweredByFiltersAtEveryLevel() {
        try (Options options = streamsDefaults()) {
            new BoundedRocksDb().setConfig("band-buckets", options, SIZES);

            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertFalse(options.optimizeFiltersForHits(), "the last level keeps its bloom filters");
            assertEquals(CompactionStyle.LEVEL, options.compactionStyle());
            assertTrue(options.levelCompactionDynamicLevelBytes());
            assertEquals(4L << 30, options.maxBytesForLevelBase(), "stores up to 4 GiB keep one sorted level");
            assertEquals(IndexType.kBinarySearch, table.indexType(), "one whole index block per file");
            assertFalse(table.partitionFilters(), "one whole filter block per file: one cache lookup per probe");
            assertTrue(table.cacheIndexAndFilterBlocks(), "index and filters count against the bounded cache");
            assertEquals(16 * 1024, table.blockSize(), "larger data blocks, smaller indexes");
        }
    }

    @Test
    void streamThreadsLeaveFileDeletionToRocksDbsBackgroundThreads() {
        try (Options options = streamsDefaults()) {
            assertFalse(options.avoidUnnecessaryBlockingIO(), "RocksDB's default: the releasing thread deletes");
            new BoundedRocksDb().setConfig("band-buckets", options, SIZES);

            assertTrue(options.avoidUnnecessaryBlockingIO());
        }
    }

    @Test
    void cacheShardsAreAtLeast32MiB() {
        assertEquals(0, BoundedRocksDb.shardBits(8L << 20), "a small cache is one shard");
        assertEquals(0, BoundedRocksDb.shardBits(63L << 20));
        assertEquals(1, BoundedRocksDb.shardBits(64L << 20));
        assertEquals(2, BoundedRocksDb.shardBits(128L << 20), "the default cache: four shards of 32 MiB");
        assertEquals(5, BoundedRocksDb.shardBits(1L << 30));
        assertEquals(6, BoundedRocksDb.shardBits(64L << 30), "never more than RocksDB's 64 shards");
    }

    @Test
    void writeBuffersMustFitInTheCache() {
        try (Options options = streamsDefaults()) {
            Map<String, Object> tooBig =
                    Map.of(BoundedRocksDb.CACHE_BYTES, "4194304", BoundedRocksDb.WRITE_BUFFER_BYTES, "8388608");
            assertThrows(IllegalArgumentException.class,
                    () -> new BoundedRocksDb().setConfig("band-buckets", options, tooBig));
        }
    }
}
