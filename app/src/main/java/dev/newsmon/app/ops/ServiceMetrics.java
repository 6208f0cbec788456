package dev.newsmon.app.ops;

import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.schedule.FeedState;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.sink.SinkService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The domain metrics the services already count, exposed as Prometheus counters without the services depending
 * on Micrometer. Names follow Prometheus conventions once rendered: snake_case, {@code _total} on counters.
 */
public final class ServiceMetrics {
    private ServiceMetrics() {
    }

    /** @param feeds the feed list, one failure counter each (labelled feed_url) */
    public static void ingest(MeterRegistry registry, IngestService ingest, List<FeedSource> feeds) {
        counter(registry, "newsmon.ingest.feeds.polled", "Feed polls by outcome (ok includes 304 Not Modified)",
                ingest, IngestService::feedsOk, "outcome", "ok");
        counter(registry, "newsmon.ingest.feeds.polled", "Feed polls by outcome (ok includes 304 Not Modified)",
                ingest, IngestService::feedsFailed, "outcome", "failed");
        counter(registry, "newsmon.ingest.feeds.not.modified", "Feed polls answered 304 Not Modified (part of ok)",
                ingest, IngestService::notModified);
        for (FeedSource feed : feeds) {
            counter(registry, "newsmon.ingest.feed.failures", "Failed polls per feed (fetch, parse or publish)",
                    ingest, i -> i.failures(feed.url()), "feed_url", feed.url());
        }
        counter(registry, "newsmon.ingest.fetch.failures", "Feed fetches that failed (HTTP error, timeout, too large)",
                ingest, IngestService::fetchFailures);
        counter(registry, "newsmon.ingest.parse.failures", "Feeds fetched that could not be parsed",
                ingest, IngestService::parseFailures);
        counter(registry, "newsmon.ingest.items.produced", "Items acknowledged by Kafka on news.items",
                ingest, IngestService::itemsProduced);
        FunctionCounter.builder("newsmon.ingest.fetched", ingest, IngestService::bytesFetched)
                .baseUnit("bytes").description("Feed body bytes read (after decoding)").register(registry);
        for (FeedSource feed : feeds) {
            Gauge.builder("newsmon.ingest.feed.consecutive.errors", ingest, i -> state(i, feed).consecutiveErrors())
                    .description("Failed polls in a row per feed: its backoff step (0 when healthy)")
                    .tag("feed_url", feed.url()).register(registry);
            Gauge.builder("newsmon.ingest.feed.next.poll", ingest,
                            i -> Duration.between(Instant.now(), state(i, feed).nextPoll()).toMillis() / 1000.0)
                    .baseUnit("seconds").description("Seconds until the feed's next poll (its backoff while failing)")
                    .tag("feed_url", feed.url()).register(registry);
        }
    }

    private static FeedState state(IngestService ingest, FeedSource feed) {
        return ingest.feedStates().stream().filter(s -> s.key().equals(feed.url())).findFirst()
                .orElse(FeedState.fresh(feed, Instant.now()));
    }

    public static void processor(MeterRegistry registry, ProcessorService processor) {
        counter(registry, "newsmon.processor.stream.threads.replaced", "Stream threads that died and were replaced",
                processor, ProcessorService::replacedThreads);
        Gauge.builder("newsmon.processor.running", processor, p -> p.state() == KafkaStreams.State.RUNNING ? 1 : 0)
                .description("1 while Kafka Streams is RUNNING, else 0").register(registry);
    }

    public static void sink(MeterRegistry registry, SinkService sink) {
        counter(registry, "newsmon.sink.records.committed", "Records of news.alerts handled and committed",
                sink, SinkService::written, "sink", sink.sinkName());
        counter(registry, "newsmon.sink.dead.lettered", "Records of news.alerts that were not alerts, sent to news.dlq",
                sink, SinkService::deadLettered, "sink", sink.sinkName());
        counter(registry, "newsmon.sink.batches.failed", "Batches whose write failed and were retried after a backoff",
                sink, SinkService::failedBatches, "sink", sink.sinkName());
    }

    private static <T> void counter(MeterRegistry registry, String name, String help, T obj, ToDoubleFunction<T> f,
                                    String... tags) {
        FunctionCounter.builder(name, obj, f).description(help).tags(tags).register(registry);
    }
}
