package dev.newsmon.app.pipeline;

import dev.newsmon.common.subscription.LiveSubscriptions;
import dev.newsmon.processor.subscribe.SubscriberService;
import dev.newsmon.sink.channel.ChannelService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * What serves the subscriptions in one process: the subscriber app (topics, growth alerts, digests) and the
 * channel service on its own thread, with the live subscriptions it reads.
 */
public final class Subscribers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    private final SubscriberService app;
    private final ChannelService channels;
    private final LiveSubscriptions subscriptions;
    private final Thread thread;

    Subscribers(SubscriberService app, ChannelService channels, LiveSubscriptions subscriptions) {
        this.app = app;
        this.channels = channels;
        this.subscriptions = subscriptions;
        this.thread = new Thread(channels, "newsmon-channels");
    }

    /** Starts the subscriber app and the channels. */
    public void start() {
        app.start();
        thread.start();
    }

    public SubscriberService app() {
        return app;
    }

    public ChannelService channels() {
        return channels;
    }

    /** Stops the channels (committing what they handled), then the subscriber app, within {@code timeout}. */
    public boolean close(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        boolean stopped = channels.stop(timeout);
        subscriptions.close();
        Duration left = Duration.between(Instant.now(), deadline);
        stopped &= app.close(left.isNegative() ? Duration.ZERO : left);
        if (!stopped) {
            LOG.warn("the subscriber app or the channels did not stop within timeout={}", timeout);
        }
        return stopped;
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(30));
    }
}
