package dev.newsmon.ingest.seen;

/** Where the seen-set is kept so that it survives a restart. */
public interface SeenStore extends AutoCloseable {
    /** Records that {@code itemId} was produced as {@code record}; asynchronous, flushed by the implementation. */
    void save(String itemId, SeenRecord record);

    /** Flushes and releases what the store holds. */
    @Override
    default void close() {
    }

    /** A store that keeps nothing: for {@code feed parse} and tests of other things. */
    SeenStore NONE = (id, record) -> {
    };
}
