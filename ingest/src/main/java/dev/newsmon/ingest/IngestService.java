package dev.newsmon.ingest;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.FetchException;
import dev.newsmon.ingest.group.FeedPoller;
import dev.newsmon.ingest.item.ItemLanguages;
import dev.newsmon.ingest.parse.FeedParseException;
import dev.newsmon.ingest.publish.ItemPublisher;
import dev.newsmon.ingest.schedule.FeedState;
import dev.newsmon.ingest.schedule.HostLimits;
import dev.newsmon.ingest.schedule.PollPolicy;
import dev.newsmon.ingest.schedule.Scheduler;
import dev.newsmon.ingest.seen.HashedItem;
import dev.newsmon.ingest.seen.KafkaSeenStore;
import dev.newsmon.ingest.seen.SeenItems;
import dev.newsmon.ingest.status.StatusPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Polls feeds when the {@link Scheduler} says they are due, within the {@link HostLimits}, and for each poll:
 * fetches and parses ({@link FeedReader}), keeps what is new or changed ({@link SeenItems}), produces it
 * ({@link ItemPublisher}), waits for Kafka's acknowledgement, then records the outcome in the scheduler and
 * publishes the feed's health ({@link StatusPublisher}). A feed that fails is logged, counted and backed off, and
 * never holds up the others: a slow host only ever holds its own fetch slots.
 *
 * <p>Feeds can be added and removed while it runs ({@link #addFeed}, {@link #removeFeed}): the ingest service's
 * {@link dev.newsmon.ingest.group.FeedGroup} does so as Kafka assigns it partitions of {@code news.feeds}. The
 * service owns the publishers and the seen-set: {@link #close()} flushes and closes them.
 */
public final class IngestService implements FeedPoller, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** Longest the loop sleeps without looking at the schedule, so feeds added meanwhile are not kept waiting. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(1);
    private static final Object WAKE = new Object();
    private static final Duration SEEN_LOAD_TIMEOUT = Duration.ofMinutes(2);

    private final FeedReader reader;
    private final ItemPublisher publisher;
    private final StatusPublisher status;
    private final SeenItems seen;
    private final Clock clock;
    private final Scheduler scheduler;
    private final HostLimits limits;
    private final ExecutorService pool;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Object loop = new Object();
    private final CountDownLatch closed = new CountDownLatch(1);

    private final IngestMeters meters;
    private final FeedMeters feedMeters;

    /** @param registry where the service registers its meters, its feeds' own among them */
    public IngestService(NewsmonConfig config, List<FeedSource> feeds, FeedReader reader, ItemPublisher publisher,
                         StatusPublisher status, SeenItems seen, Clock clock, MeterRegistry registry) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.status = Objects.requireNonNull(status, "status");
        this.seen = Objects.requireNonNull(seen, "seen");
        this.clock = Objects.requireNonNull(clock, "clock");
        int threads = config.get(Settings.INGEST_CONCURRENCY);
        if (threads < 1) {
            throw new IllegalArgumentException(Settings.INGEST_CONCURRENCY.key() + " must be at least 1: " + threads);
        }
        this.limits = new HostLimits(threads, config.get(Settings.INGEST_CONCURRENCY_PER_HOST));
        this.scheduler = new Scheduler(PollPolicy.from(config));
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
        this.meters = new IngestMeters(registry, scheduler, seen, reader);
        this.feedMeters = new FeedMeters(registry, scheduler::state, clock);
        Instant now = clock.instant();
        feeds.forEach(f -> {
            scheduler.add(f, now);
            feedMeters.add(f.url());
        });
    }

    /**
     * The service with its Kafka producers, and the seen-set read back from {@code news.ingest-seen} first, so a
     * restart produces nothing it produced before. It polls no feed yet: they are given to it with
     * {@link #startFeeds}, {@link #addFeed} or {@link #resumeFeed}.
     *
     * @param publisher owned by the service from here on: closed with it, or here if the seen-set cannot load
     * @param registry  where the service registers its meters
     */
    public static IngestService create(NewsmonConfig config, ItemPublisher publisher, MeterRegistry registry)
            throws TimeoutException {
        SeenItems seen = new SeenItems(KafkaSeenStore.create(config), Clock.systemUTC(),
                config.get(Settings.INGEST_SEEN_RETENTION));
        try {
            KafkaSeenStore.load(config, seen, SEEN_LOAD_TIMEOUT);
        } catch (TimeoutException | RuntimeException e) {
            seen.close();
            publisher.close();
            throw e;
        }
        return new IngestService(config, List.of(), FeedReader.create(config), publisher,
                StatusPublisher.create(config), seen, Clock.systemUTC(), registry);
    }

    /** Starts polling a feed (due at once), or updates its listing if it is known. */
    @Override
    public void addFeed(FeedSource feed) {
        scheduler.add(feed, clock.instant());
        feedMeters.add(feed.url());
        events.add(WAKE);
    }

    @Override
    public void resumeFeed(FeedSource feed, FeedStatus last) {
        Instant now = clock.instant();
        if (scheduler.state(feed.url()).isPresent() || !last.feedUrl().equals(feed.url())) {
            scheduler.add(feed, now);
        } else {
            scheduler.restore(FeedState.resumed(feed, last, now));
        }
        feedMeters.add(feed.url());
        events.add(WAKE);
    }

    /** Stops polling a feed; a poll of it in progress finishes but is not recorded. */
    @Override
    public void removeFeed(String url) {
        scheduler.remove(url);
        feedMeters.remove(url);
    }

    /**
     * Stops polling a deleted feed and withdraws its status, so that dashboards stop showing it. The tombstone is
     * sent after the scheduler forgot the feed, by the producer of its statuses: no status of it follows.
     */
    @Override
    public void deleteFeed(String url) {
        removeFeed(url);
        status.withdraw(url);
    }

    /** The scheduler's view of every feed this instance polls. */
    public List<FeedState> feedStates() {
        return scheduler.states();
    }

    /**
     * Polls every enabled feed once, now, and returns when each poll is done and its items acknowledged. If the
     * calling thread is interrupted, it returns with the feeds that finished.
     */
    public PollSummary pollOnce() {
        synchronized (loop) {
            ensureOpen();
            long removals = scheduler.removals();
            Set<String> pending = new HashSet<>(scheduler.dueAll(clock.instant()));
            List<Outcome> outcomes = new ArrayList<>();
            try {
                while (!pending.isEmpty()) {
                    ensureOpen();
                    dispatch();
                    Object event = events.poll(MAX_IDLE.toMillis(), TimeUnit.MILLISECONDS);
                    if (event instanceof Outcome o && pending.remove(o.feedUrl())) {
                        outcomes.add(o);
                    }
                    // A feed removed before it was dispatched never reports; looking each pending one up after
                    // every poll of thousands of feeds cost more than the polls.
                    if (scheduler.removals() != removals) {
                        removals = scheduler.removals();
                        pending.removeIf(url -> scheduler.state(url).isEmpty());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return summarize(outcomes);
        }
    }

    /** Polls each feed when it is due until {@link #close()} or an interrupt. */
    public void runForever() {
        synchronized (loop) {
            try {
                while (closed.getCount() != 0) {
                    dispatch();
                    Optional<Instant> next = scheduler.nextDue();
                    Duration wait = next.map(t -> Duration.between(clock.instant(), t)).orElse(MAX_IDLE);
                    // Still due after a dispatch means no fetch slot was free: the end of a fetch wakes us.
                    if (wait.compareTo(MAX_IDLE) > 0 || wait.isNegative() || wait.isZero()) {
                        wait = MAX_IDLE;
                    }
                    events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                if (closed.getCount() != 0) {
                    throw e;
                }
                // close() won the race against a dispatch: that is an orderly stop.
            }
        }
    }

    /** Stops polling, cancels fetches in progress, then flushes and closes the publishers and the seen-set. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        events.add(WAKE);
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("feed tasks still running {} after close", SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The loop leaves within MAX_IDLE of the latch; the producers must outlive its last dispatch.
        synchronized (loop) {
            publisher.close();
            status.close();
            seen.close();
        }
    }

    private void ensureOpen() {
        if (closed.getCount() == 0) {
            throw new IllegalStateException("ingest service is closed");
        }
    }

    /**
     * Starts every due feed that gets a fetch slot. The slot is held while the feed is fetched, parsed and its items
     * handed to the producer, not while Kafka acknowledges them: the slot spares the feed's host, which the wait for
     * the broker does not concern. The poll reports its outcome once the acknowledgements are in.
     */
    private void dispatch() {
        if (limits.full()) {
            return;
        }
        for (FeedState state : scheduler.due(clock.instant(), s -> limits.tryAcquire(s.fetchUrl()))) {
            try {
                pool.execute(() -> {
                    try {
                        poll(state);
                    } catch (RuntimeException e) {
                        crashed(state.key(), e);
                    } finally {
                        limits.release(state.fetchUrl());
                        // The outcome may be in already: a feed kept waiting for this slot must not wait for more.
                        events.add(WAKE);
                    }
                });
            } catch (RejectedExecutionException e) {
                limits.release(state.fetchUrl());
                scheduler.abandoned(state.key());
                throw new IllegalStateException("ingest service is closed", e);
            }
        }
    }

    /** A bug or a closed producer: the feed must still count as polled, or pollOnce would wait for it forever. */
    private void crashed(String feedUrl, RuntimeException e) {
        LOG.error("feed poll crashed feed_url={}", feedUrl, e);
        scheduler.abandoned(feedUrl);
        events.add(new Outcome(feedUrl, 0, "poll of " + feedUrl + " crashed: " + e));
    }

    /** Fetches, parses and sends the feed's new items; its outcome follows, once Kafka has acknowledged them. */
    private void poll(FeedState state) {
        FeedSource feed = state.source();
        Instant at = clock.instant();
        PolledFeed read;
        try {
            read = reader.read(feed, state.fetchUrl(), state.validators());
        } catch (FetchException e) {
            meters.fetchFailures.increment();
            events.add(failed(feed, at, "fetch", e.status(), e.retryAfter(), e.getMessage()));
            return;
        } catch (FeedParseException e) {
            meters.parseFailures.increment();
            events.add(failed(feed, at, "parse", 0, null, e.getMessage()));
            return;
        }
        if (read.notModified()) {
            meters.notModified.increment();
        }
        if (read.movedTo() != null) {
            LOG.info("feed moved permanently feed_url={} fetch_url={}", feed.url(), read.movedTo());
        }
        if (read.recovered()) {
            meters.recovered.increment();
        }
        // Once a poll, outside the seen-set's lock: select, remember and stillListed all need the items' hashes.
        List<HashedItem> listed = SeenItems.hash(read.items());
        List<HashedItem> selected = seen.select(listed);
        // Detected here, for the items produced alone: detecting every entry of every poll would cost more.
        List<FeedItem> fresh = ItemLanguages.detectMissing(selected.stream().map(HashedItem::item).toList());
        Acknowledgements acks = new Acknowledgements(fresh.size(), error -> {
            try {
                pool.execute(() -> finish(feed, at, read, listed, selected, error));
            } catch (RejectedExecutionException closing) {
                scheduler.abandoned(feed.url());
                events.add(new Outcome(feed.url(), 0, "ingest service closed"));
            }
        });
        try {
            for (FeedItem item : fresh) {
                publisher.publish(item, acks::arrived);
                acks.sent();
            }
        } catch (RuntimeException e) {
            acks.refused(e);
        }
        acks.allSent();
    }

    /** Records a poll whose items Kafka has all acknowledged ({@code error} null), or one of them refused. */
    private void finish(FeedSource feed, Instant at, PolledFeed read, List<HashedItem> listed,
                        List<HashedItem> selected, Exception error) {
        Outcome outcome;
        try {
            outcome = error != null
                    // Nothing is remembered (validators, seen-set), so the next poll produces these items again.
                    ? failed(feed, at, "publish", 0, null, "cannot publish items of " + feed.url() + ": " + error)
                    : succeeded(feed, at, read, listed, selected);
        } catch (RuntimeException e) {
            crashed(feed.url(), e);
            return;
        }
        events.add(outcome);
    }

    private Outcome succeeded(FeedSource feed, Instant at, PolledFeed read, List<HashedItem> listed,
                              List<HashedItem> produced) {
        seen.remember(produced);
        seen.stillListed(listed);
        Optional<FeedState> next = scheduler.succeeded(feed.url(), at, read.status(), read.validators(),
                read.movedTo(), read.ttl(), read.hints(), read.notModified() ? -1 : read.items().size(),
                read.recovered());
        next.ifPresent(s -> status.publish(s, produced.size()));
        meters.polledOk.increment();
        meters.itemsProduced.increment(produced.size());
        LOG.debug("feed polled feed_url={} status={} items={} produced={}", feed.url(), read.status(),
                read.items().size(), produced.size());
        return new Outcome(feed.url(), produced.size(), null);
    }

    private Outcome failed(FeedSource feed, Instant at, String stage, int httpStatus, Duration retryAfter,
                           String reason) {
        meters.polledFailed.increment();
        feedMeters.failed(feed.url());
        Optional<FeedState> next = scheduler.failed(feed.url(), at, httpStatus, retryAfter, reason);
        LOG.warn("feed failed feed_url={} stage={} status={} consecutive_errors={} next_poll={} reason={}",
                feed.url(), stage, httpStatus, next.map(FeedState::consecutiveErrors).orElse(0),
                next.map(s -> s.disabled() ? "never (disabled)" : s.nextPoll().toString()).orElse("-"), reason);
        next.ifPresent(s -> status.publish(s, 0));
        return new Outcome(feed.url(), 0, reason);
    }

    private static PollSummary summarize(List<Outcome> outcomes) {
        int ok = 0;
        int produced = 0;
        List<String> errors = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.error() == null) {
                ok++;
                produced += o.produced();
            } else {
                errors.add(o.error());
            }
        }
        PollSummary summary = new PollSummary(ok, outcomes.size() - ok, produced, errors);
        LOG.info("poll done feeds_ok={} feeds_failed={} items_produced={}", summary.feedsOk(), summary.feedsFailed(),
                summary.itemsProduced());
        return summary;
    }

    /** One feed's poll: items produced, or the one-line reason it failed. */
    private record Outcome(String feedUrl, int produced, String error) {
    }

    /**
     * Counts the acknowledgements of one poll's sends and calls {@code done} once, with the first error or null, when
     * every item sent is acknowledged and no more will be sent.
     */
    private static final class Acknowledgements {
        private final Consumer<Exception> done;
        private final AtomicInteger outstanding;
        private final AtomicReference<Exception> firstError = new AtomicReference<>();
        private int unsent;

        /** @param items how many sends will follow */
        Acknowledgements(int items, Consumer<Exception> done) {
            this.done = done;
            this.unsent = items;
            // One more than the items: held by the sending thread until it has sent all it will.
            this.outstanding = new AtomicInteger(items + 1);
        }

        /** Called by the sending thread after each send that did not throw. */
        void sent() {
            unsent--;
        }

        /** The producer refused a send at once: it and those after it will never be acknowledged. */
        void refused(Exception e) {
            firstError.compareAndSet(null, e);
            outstanding.addAndGet(-unsent);
        }

        /** A send's acknowledgement: null, or the error it failed with. */
        void arrived(Exception error) {
            if (error != null) {
                firstError.compareAndSet(null, error);
            }
            countDown();
        }

        void allSent() {
            countDown();
        }

        private void countDown() {
            if (outstanding.decrementAndGet() == 0) {
                done.accept(firstError.get());
            }
        }
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
