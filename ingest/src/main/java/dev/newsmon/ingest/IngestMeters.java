package dev.newsmon.ingest;

import dev.newsmon.ingest.schedule.Scheduler;
import dev.newsmon.ingest.seen.SeenItems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ingest service's own meters, counted where polls end. Names follow Prometheus conventions once rendered
 * (snake_case, {@code _total} on counters); what each means is in docs/operations.md.
 */
final class IngestMeters {
    private static final String POLLED = "newsmon.ingest.feeds.polled";
    private static final String POLLED_HELP = "Feed polls by outcome (ok includes 304 Not Modified)";

    final Counter polledOk;
    final Counter polledFailed;
    final Counter notModified;
    final Counter fetchFailures;
    final Counter parseFailures;
    final Counter recovered;
    final Counter itemsProduced;

    IngestMeters(MeterRegistry registry, Scheduler scheduler, SeenItems seen, FeedReader reader) {
        polledOk = Counter.builder(POLLED).description(POLLED_HELP).tag("outcome", "ok").register(registry);
        polledFailed = Counter.builder(POLLED).description(POLLED_HELP).tag("outcome", "failed").register(registry);
        notModified = Counter.builder("newsmon.ingest.feeds.not.modified")
                .description("Feed polls answered 304 Not Modified (part of ok)").register(registry);
        fetchFailures = Counter.builder("newsmon.ingest.fetch.failures")
                .description("Feed fetches that failed (HTTP error, timeout, too large)").register(registry);
        parseFailures = Counter.builder("newsmon.ingest.parse.failures")
                .description("Feeds fetched that could not be parsed").register(registry);
        recovered = Counter.builder("newsmon.ingest.feeds.recovered")
                .description("Feed bodies that were not well-formed XML, read by the lenient parser for their"
                        + " complete entries").register(registry);
        itemsProduced = Counter.builder("newsmon.ingest.items.produced")
                .description("Items acknowledged by Kafka on news.items").register(registry);
        Gauge.builder("newsmon.ingest.feeds", scheduler, Scheduler::size)
                .description("Feeds this instance polls: those of its partitions of news.feeds in the ingest service")
                .register(registry);
        // The seen-set and the reader keep these counts themselves; they are read at scrape time.
        Gauge.builder("newsmon.ingest.seen.items", seen, SeenItems::size)
                .description("Items in the seen-set (what ingest has produced and still remembers)")
                .register(registry);
        FunctionCounter.builder("newsmon.ingest.seen.expired", seen, SeenItems::expired)
                .description("Items forgotten by the seen-set: neither listed by their feed nor produced for"
                        + " ingest.seen.retention").register(registry);
        FunctionCounter.builder("newsmon.ingest.seen.records.unreadable", seen, SeenItems::unreadableOnRestore)
                .description("Records of news.ingest-seen that could not be read at start-up (their items may be"
                        + " produced again)").register(registry);
        FunctionCounter.builder("newsmon.ingest.fetched", reader, FeedReader::bytesFetched)
                .baseUnit("bytes").description("Feed body bytes read (after decoding)").register(registry);
    }
}
