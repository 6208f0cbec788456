package dev.newsmon.ingest;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.Conditional;
import dev.newsmon.ingest.fetch.FetchException;
import dev.newsmon.ingest.parse.FeedParseException;
import dev.newsmon.ingest.publish.ItemPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls every feed, {@link Settings#INGEST_CONCURRENCY} at a time, and produces their items. A feed that fails is
 * logged and counted and never holds up the others. ETag and Last-Modified are remembered per feed (in memory) so
 * that unchanged feeds cost a 304.
 *
 * <p>The service owns the publisher: {@link #close()} flushes and closes it.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final List<FeedSource> feeds;
    private final FeedReader reader;
    private final ItemPublisher publisher;
    private final Duration interval;
    private final ExecutorService pool;
    private final Map<String, Conditional> validators = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private final AtomicLong feedsOk = new AtomicLong();
    private final AtomicLong feedsFailed = new AtomicLong();
    private final AtomicLong itemsProduced = new AtomicLong();
    private final AtomicLong fetchFailures = new AtomicLong();
    private final AtomicLong parseFailures = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final Map<String, AtomicLong> failuresByFeed = new ConcurrentHashMap<>();

    public IngestService(NewsmonConfig config, List<FeedSource> feeds, FeedReader reader, ItemPublisher publisher) {
        this.feeds = List.copyOf(feeds);
        this.reader = Objects.requireNonNull(reader, "reader");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.interval = config.get(Settings.INGEST_POLL_INTERVAL);
        int threads = config.get(Settings.INGEST_CONCURRENCY);
        if (threads < 1) {
            throw new IllegalArgumentException(Settings.INGEST_CONCURRENCY.key() + " must be at least 1: " + threads);
        }
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    /**
     * Polls every feed once and returns when all their items are produced and flushed. If the calling thread is
     * interrupted, the feeds still running are cancelled and the summary covers those that finished.
     */
    public synchronized PollSummary pollOnce() {
        if (closed.getCount() == 0) {
            throw new IllegalStateException("ingest service is closed");
        }
        long failuresBefore = publisher.failures();
        long sentBefore = publisher.sent();
        List<Future<Outcome>> futures = new ArrayList<>(feeds.size());
        for (FeedSource feed : feeds) {
            try {
                futures.add(pool.submit(() -> pollFeed(feed)));
            } catch (RejectedExecutionException e) {
                // Only a shut-down pool rejects: close() came between the check above and here.
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("ingest service is closed", e);
            }
        }
        List<Outcome> outcomes = new ArrayList<>(feeds.size());
        boolean interrupted = false;
        for (Future<Outcome> f : futures) {
            try {
                outcomes.add(f.get());
            } catch (CancellationException e) {
                // close() cancelled it: no outcome to report.
            } catch (ExecutionException e) {
                // pollFeed handles every failure of a feed itself; reaching this is a bug.
                throw new IllegalStateException("feed task failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                futures.forEach(other -> other.cancel(true));
                interrupted = true;
                break;
            }
        }
        // Flushed with the interrupt flag clear: KafkaProducer.flush() would refuse to wait otherwise, and the
        // items already sent deserve their delivery.
        publisher.flush();
        boolean allDelivered = publisher.failures() == failuresBefore;
        int produced = (int) (publisher.sent() - sentBefore);
        int ok = 0;
        List<String> errors = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.error() == null) {
                ok++;
                // Remembered only when every item reached Kafka: otherwise a 304 would hide the lost items.
                if (allDelivered) {
                    validators.put(o.feed().url(), o.validators());
                }
            } else {
                errors.add(o.error());
            }
        }
        if (!allDelivered) {
            errors.add((publisher.failures() - failuresBefore) + " items failed to publish; see the log for item ids");
        }
        feedsOk.addAndGet(ok);
        feedsFailed.addAndGet(outcomes.size() - ok);
        itemsProduced.addAndGet(produced);
        PollSummary summary = new PollSummary(ok, outcomes.size() - ok, produced, errors);
        LOG.info("poll done feeds_ok={} feeds_failed={} items_produced={}", summary.feedsOk(), summary.feedsFailed(),
                summary.itemsProduced());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return summary;
    }

    /** Polls every {@link Settings#INGEST_POLL_INTERVAL} until {@link #close()} or an interrupt. */
    public void runForever() {
        try {
            do {
                long next = System.nanoTime() + interval.toNanos();
                pollOnce();
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                long wait = Math.max(0, next - System.nanoTime());
                if (closed.await(wait, TimeUnit.NANOSECONDS)) {
                    return;
                }
            } while (true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            if (closed.getCount() != 0) {
                throw e;
            }
            // close() won the race against the next poll: that is an orderly stop.
        }
    }

    /** Stops polling, cancels fetches in progress, then flushes and closes the publisher. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        for (Runnable queued : pool.shutdownNow()) {
            // Queued tasks are futures a poll may be waiting on: cancel them so the poll returns.
            if (queued instanceof Future<?> f) {
                f.cancel(false);
            }
        }
        try {
            if (!pool.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("feed tasks still running {} after close", SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A poll in progress holds the lock until its (now cancelled) feeds are done and it has flushed; the
        // producer must outlive that flush.
        synchronized (this) {
            publisher.close();
        }
    }

    public long feedsOk() {
        return feedsOk.get();
    }

    public long feedsFailed() {
        return feedsFailed.get();
    }

    public long itemsProduced() {
        return itemsProduced.get();
    }

    public long fetchFailures() {
        return fetchFailures.get();
    }

    public long parseFailures() {
        return parseFailures.get();
    }

    /** Feed reads answered 304 Not Modified (counted in {@link #feedsOk()} too). */
    public long notModified() {
        return notModified.get();
    }

    /** Failed polls of one feed (fetch, parse or publish) since start. */
    public long failures(String feedUrl) {
        AtomicLong n = failuresByFeed.get(feedUrl);
        return n == null ? 0 : n.get();
    }

    private Outcome pollFeed(FeedSource feed) {
        Conditional previous = validators.getOrDefault(feed.url(), Conditional.NONE);
        try {
            FeedRead read = reader.read(feed, previous);
            if (read.notModified()) {
                notModified.incrementAndGet();
            }
            for (FeedItem item : read.items()) {
                publisher.publish(item);
            }
            return new Outcome(feed, read.validators(), null);
        } catch (FetchException e) {
            fetchFailures.incrementAndGet();
            return failed(feed, "fetch", e.getMessage());
        } catch (FeedParseException e) {
            parseFailures.incrementAndGet();
            return failed(feed, "parse", e.getMessage());
        } catch (RuntimeException e) {
            // A producer that refuses a record (closed, serialization) must not stop the other feeds either.
            return failed(feed, "publish", e.toString());
        }
    }

    private Outcome failed(FeedSource feed, String stage, String reason) {
        failuresByFeed.computeIfAbsent(feed.url(), url -> new AtomicLong()).incrementAndGet();
        LOG.warn("feed failed feed_url={} stage={} reason={}", feed.url(), stage, reason);
        return new Outcome(feed, null, reason);
    }

    /** One feed's poll: its new validators on success, or the one-line reason it failed. */
    private record Outcome(FeedSource feed, Conditional validators, String error) {
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "newsmon-ingest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
