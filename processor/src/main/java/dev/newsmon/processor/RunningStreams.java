package dev.newsmon.processor;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka Streams app as newsmon runs one: each state change logged, a stream thread that dies replaced (and
 * counted) rather than the instance stopped, RUNNING awaitable, and a close that leaves the group so the partitions
 * move at once instead of after the session timeout (45 s by default).
 */
public final class RunningStreams {
    private static final Logger LOG = LoggerFactory.getLogger(RunningStreams.class);

    private final String name;
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final Counter replacedThreads;

    /**
     * @param name            names the app in the log: processor, subscriber app
     * @param replacedThreads counts the stream threads that died and were replaced
     */
    public RunningStreams(String name, Topology topology, Properties props, Counter replacedThreads) {
        this.name = name;
        this.replacedThreads = replacedThreads;
        this.streams = new KafkaStreams(topology, props);
        streams.setStateListener((next, previous) -> {
            LOG.info("{} state {} -> {}", name, previous, next);
            if (next == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            replacedThreads.increment();
            LOG.error("{} stream thread failed, replacing it: error={} replaced_total={}", name, e.toString(),
                    (long) replacedThreads.count(), e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public void start() {
        streams.start();
    }

    /** True once the instance has been RUNNING and still is; false after the timeout or if it failed first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The Kafka Streams instance, for binding its client metrics and querying its stores. */
    public KafkaStreams streams() {
        return streams;
    }

    /** Stops after the current records are committed, leaving the group; true if it stopped within the timeout. */
    public boolean close(Duration timeout) {
        boolean closed = streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!closed) {
            LOG.warn("{} did not stop within timeout={}", name, timeout);
        }
        return closed;
    }
}
