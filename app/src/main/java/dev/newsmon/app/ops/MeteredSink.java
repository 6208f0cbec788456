package dev.newsmon.app.ops;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;

/**
 * Counts the alerts one sink made durable: they are counted at {@link #commit()}, so a batch that is rolled back
 * and written again is counted once.
 */
public final class MeteredSink implements AlertSink {
    private final AlertSink delegate;
    private final Counter written;
    private long pending;

    public MeteredSink(AlertSink delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.written = Counter.builder("newsmon.sink.alerts.written").description("Alerts made durable, per sink")
                .tag("sink", delegate.name()).register(registry);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void write(Alert alert) throws IOException {
        delegate.write(alert);
        pending++;
    }

    @Override
    public void commit() throws IOException {
        delegate.commit();
        written.increment(pending);
        pending = 0;
    }

    @Override
    public void rollback() throws IOException {
        pending = 0;
        delegate.rollback();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
