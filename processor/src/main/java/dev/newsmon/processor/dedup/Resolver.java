package dev.newsmon.processor.dedup;

import dev.newsmon.common.model.Alert;
import dev.newsmon.processor.ProcessorNames;
import dev.newsmon.processor.StateStores;
import dev.newsmon.processor.alert.AlertFactory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settles each item as a story or a copy. Everything about one item reaches the task that owns its id: its band
 * answers, the lookups other items send it, the replies to its own lookup. It has two outputs, each forwarded to its
 * own child by name: {@link Alert}s keyed by story id to {@link #ALERTS}, and {@link ResolveMessage}s keyed by the
 * item they concern to {@link #LOOKUPS}, to be written back to the resolve topic. A processor declares a single
 * output type, so this one declares {@code Object}; {@link #emit} and {@link #send} are the only places that forward.
 *
 * <p>See docs/dedup.md for the protocol.
 */
public final class Resolver implements Processor<String, ResolveMessage, String, Object> {
    /** The child that receives the alerts: it adds their CloudEvents headers on the way to the alerts topic. */
    public static final String ALERTS = "cloudevents-headers";
    /** The child that receives the lookups and replies: the sink that writes them back to the resolve topic. */
    public static final String LOOKUPS = "lookups";

    private static final Logger LOG = LoggerFactory.getLogger(Resolver.class);

    private final double threshold;
    private final Duration waitTimeout;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, PendingDecision> pending;
    private KeyValueStore<String, PendingItem> pendingItems;
    private WindowStore<String, String> directory;
    private WindowStore<String, Shingles> shingleStore;
    private KeyValueStore<String, Waiters> lookups;
    private long startedAtMs;
    private long timedOut;

    private Resolver(double threshold, Duration waitTimeout) {
        this.threshold = threshold;
        this.waitTimeout = waitTimeout;
    }

    public static ProcessorSupplier<String, ResolveMessage, String, Object> supplier(Duration window, double threshold,
                                                                                   Duration waitTimeout,
                                                                                   StateStores stores) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ResolveMessage, String, Object> get() {
                return new Resolver(threshold, waitTimeout);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // Both are read with point lookups at the item's own record time (carried in band entries and
                // lookup requests), never scanned. The directory outlives the window twice over: a copy may ask
                // about an original up to one window older than itself, and it may itself be asked about for one
                // window more. The shingles are only compared with items found in a band bucket, which keeps one
                // window.
                Duration directoryRetention = window.multipliedBy(2);
                return Set.of(
                        stores.keyValue(ProcessorNames.PENDING_STORE, DedupSerdes.pendingDecisions()),
                        stores.keyValue(ProcessorNames.PENDING_ITEM_STORE, DedupSerdes.pendingItems()),
                        stores.window(ProcessorNames.DIRECTORY_STORE, directoryRetention, false, Serdes.String()),
                        stores.window(ProcessorNames.SHINGLE_STORE, window, false, DedupSerdes.shingles()),
                        stores.keyValue(ProcessorNames.LOOKUP_STORE, DedupSerdes.waiters()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.pending = context.getStateStore(ProcessorNames.PENDING_STORE);
        this.pendingItems = context.getStateStore(ProcessorNames.PENDING_ITEM_STORE);
        this.directory = context.getStateStore(ProcessorNames.DIRECTORY_STORE);
        this.shingleStore = context.getStateStore(ProcessorNames.SHINGLE_STORE);
        this.lookups = context.getStateStore(ProcessorNames.LOOKUP_STORE);
        // A wait that began before a restart gets a full timeout from now: its reply may sit in the backlog.
        this.startedAtMs = context.currentSystemTimeMs();
        Duration interval = waitTimeout.dividedBy(4).compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : waitTimeout.dividedBy(4);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::expireWaits);
    }

    @Override
    public void process(Record<String, ResolveMessage> record) {
        ResolveMessage message = record.value();
        if (message instanceof BandAnswer answer) {
            onAnswer(answer, record.timestamp());
        } else if (message instanceof LookupRequest request) {
            onRequest(request);
        } else if (message instanceof LookupReply reply) {
            onReply(reply);
        }
    }

    private void onAnswer(BandAnswer answer, long timestamp) {
        String id = answer.order().itemId();
        PendingDecision current = pending.get(id);
        if (current == null && directory.fetch(id, timestamp) != null) {
            LOG.debug("ignoring band answer of a settled item item_id={} bands={}", id, answer.bands());
            return;
        }
        if (current != null && current.deciding()) {
            LOG.debug("ignoring band answer of an item already deciding item_id={} bands={}", id, answer.bands());
            return;
        }
        PendingDecision p = (current == null ? PendingDecision.start(answer, timestamp, now()) : current).with(answer);
        PendingItem item = null;
        if (answer.tagged() != null && (current == null || !current.itemArrived())) {
            item = new PendingItem(answer.tagged(), answer.shingles());
            pendingItems.put(id, item);
        }
        if (!p.complete()) {
            pending.put(id, p);
            return;
        }
        ask(p, item == null ? pendingItems.get(id) : item, DedupDecision.parents(p.order(), p.answers()));
    }

    /** Asks every candidate at once whether the item copies it; with none the item is a new story. */
    private void ask(PendingDecision p, PendingItem item, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            settleAsStory(p, item);
            return;
        }
        pending.put(p.itemId(), p.asking(candidates));
        for (Candidate c : candidates) {
            send(new LookupRequest(p.itemId(), p.recordTimestamp(), c.itemId(), c.timestamp(), item.shingles()),
                    p.recordTimestamp());
        }
    }

    private void onRequest(LookupRequest request) {
        String target = request.targetId();
        String story = directory.fetch(target, request.targetTimestamp());
        if (story != null) {
            Shingles shingles = shingleStore.fetch(target, request.targetTimestamp());
            reply(request, shingles == null ? 0.0 : similarity(shingles, request), story);
            return;
        }
        PendingDecision p = pending.get(target);
        PendingItem item = p != null && p.itemArrived() ? pendingItems.get(target) : null;
        if (p == null) {
            // Past retention: the target's decision is gone, so the asker cannot join its story.
            LOG.info("lookup for an unknown item, answered no item_id={} asker_id={}", target,
                    request.askerId());
            reply(request, 0.0, null);
        } else if (item != null && !isCopy(similarity(item.shingles(), request))) {
            reply(request, similarity(item.shingles(), request), null);
        } else {
            // Similar (or not known yet): the answer needs the target's story id, which it does not have yet.
            Waiters waiters = lookups.get(target);
            lookups.put(target, (waiters == null ? new Waiters(List.of()) : waiters).plus(request));
        }
    }

    private void onReply(LookupReply reply) {
        PendingDecision p = pending.get(reply.askerId());
        if (p == null || !p.awaits(reply.targetId())) {
            // The asker was settled meanwhile, by an earlier candidate's yes or by the wait timeout.
            LOG.debug("ignoring reply for an item not waiting for it item_id={} target_id={}", reply.askerId(),
                    reply.targetId());
            return;
        }
        if (!p.asking().itemId().equals(reply.targetId())) {
            // A better candidate has not replied yet: this reply counts only if that one says no.
            pending.put(p.itemId(), p.withReply(reply));
            return;
        }
        PendingItem item = pendingItems.get(p.itemId());
        LookupReply turn = reply;
        while (turn.storyId() == null) {
            if (p.remaining().isEmpty()) {
                settleAsStory(p, item);
                return;
            }
            if (!p.remainingAsked()) {
                ask(p, item, p.remaining());
                return;
            }
            p = p.next();
            Optional<LookupReply> replied = p.askingReplied();
            if (replied.isEmpty()) {
                pending.put(p.itemId(), p);
                return;
            }
            turn = replied.get();
        }
        emit(AlertFactory.copy(item.tagged(), turn.storyId(), turn.targetId(), turn.similarity(), alertedAt()), p);
        settle(p, item, turn.storyId());
    }

    private void settleAsStory(PendingDecision p, PendingItem item) {
        String storyId = StoryIds.of(p.itemId());
        emit(AlertFactory.story(item.tagged(), storyId, alertedAt()), p);
        settle(p, item, storyId);
    }

    /** Records the item's story and shingles, and answers the items that were waiting for it. */
    private void settle(PendingDecision p, PendingItem item, String storyId) {
        String id = p.itemId();
        directory.put(id, storyId, p.recordTimestamp());
        shingleStore.put(id, item.shingles(), p.recordTimestamp());
        pending.delete(id);
        pendingItems.delete(id);
        // Most items had no one waiting: a delete would still write a tombstone to the changelog for each.
        Waiters waiters = lookups.get(id);
        if (waiters != null) {
            lookups.delete(id);
            for (LookupRequest r : waiters.requests()) {
                reply(r, similarity(item.shingles(), r), storyId);
            }
        }
    }

    private static double similarity(Shingles target, LookupRequest request) {
        return Overlap.of(target, request.shingles()).similarity();
    }

    /** Answers with the story id only when the texts are similar enough: the one place the threshold applies. */
    private void reply(LookupRequest request, double similarity, String storyId) {
        String story = isCopy(similarity) ? storyId : null;
        send(new LookupReply(request.askerId(), request.targetId(), similarity, story), request.askerTimestamp());
    }

    private boolean isCopy(double similarity) {
        return similarity >= threshold;
    }

    /**
     * Settles as stories the items that waited too long: a cycle of copies waiting for each other (possible in
     * theory with three or more racing copies) or a lost message must not hold an alert back forever.
     */
    private void expireWaits(long nowMs) {
        List<PendingDecision> expired = new ArrayList<>();
        try (KeyValueIterator<String, PendingDecision> it = pending.all()) {
            while (it.hasNext()) {
                KeyValue<String, PendingDecision> e = it.next();
                if (Math.max(e.value.sinceMs(), startedAtMs) + waitTimeout.toMillis() <= nowMs) {
                    expired.add(e.value);
                }
            }
        }
        for (PendingDecision p : expired) {
            timedOut++;
            if (!p.itemArrived()) {
                LOG.warn("dropping undecidable item, the answer with the item never came item_id={} bands={}/{}"
                        + " timed_out_total={}", p.itemId(), p.answered().size(), p.totalBands(), timedOut);
                pending.delete(p.itemId());
                continue;
            }
            LOG.warn("wait timed out, alerting as a new story item_id={} waiting_for={} bands={}/{}"
                            + " timeout={} timed_out_total={}", p.itemId(),
                    p.deciding() ? p.asking().itemId() : null, p.answered().size(), p.totalBands(),
                    waitTimeout, timedOut);
            settleAsStory(p, pendingItems.get(p.itemId()));
        }
    }

    private void emit(Alert alert, PendingDecision p) {
        context.forward(new Record<>(alert.storyId(), alert, p.recordTimestamp()), ALERTS);
    }

    private void send(ResolveMessage message, long timestamp) {
        context.forward(new Record<>(message.routingKey(), message, timestamp), LOOKUPS);
    }

    private long now() {
        return context.currentSystemTimeMs();
    }

    private Instant alertedAt() {
        return Instant.ofEpochMilli(now());
    }
}
