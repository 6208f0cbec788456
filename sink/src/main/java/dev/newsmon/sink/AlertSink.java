package dev.newsmon.sink;

import dev.newsmon.common.model.Alert;

import java.io.IOException;

/**
 * One destination of alerts. The sink service writes a batch, then calls {@link #commit()}, and commits the
 * Kafka offsets only after every sink's commit returned: an alert is never acknowledged before it is durable.
 */
public interface AlertSink extends AutoCloseable {
    /** Short name for logs and metrics. */
    String name();

    void write(Alert alert) throws IOException;

    /** Makes everything written so far durable. */
    void commit() throws IOException;

    /** Forgets what was written since the last commit, if the destination can; the batch will be written again. */
    void rollback() throws IOException;

    @Override
    void close() throws IOException;
}
