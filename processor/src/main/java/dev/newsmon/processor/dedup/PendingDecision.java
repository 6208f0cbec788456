package dev.newsmon.processor.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An item the resolver has not settled yet: collecting band answers, then asking its possible originals one by one.
 *
 * @param order           the item's order key
 * @param itemArrived     whether the answer of its first band, with the item, has arrived (the item itself is a
 *                        {@link PendingItem}, stored apart)
 * @param totalBands      answers needed before deciding
 * @param answers         answers so far (each for one or more bands), without the item; emptied once the
 *                        candidates are known
 * @param recordTimestamp record time of the item, given to everything emitted for it
 * @param sinceMs         wall-clock time this entry was created, for the wait timeout
 * @param asking          the candidate it waits for; null while still collecting answers
 * @param remaining       candidates to ask after {@code asking}, best first
 */
public record PendingDecision(OrderKey order, boolean itemArrived, int totalBands,
                              List<BandAnswer> answers, long recordTimestamp, long sinceMs, Candidate asking,
                              List<Candidate> remaining) {
    public PendingDecision {
        Objects.requireNonNull(order, "order");
        answers = List.copyOf(answers);
        remaining = List.copyOf(remaining);
    }

    public static PendingDecision start(BandAnswer first, long recordTimestamp, long nowMs) {
        return new PendingDecision(first.order(), false, first.totalBands(), List.of(), recordTimestamp, nowMs,
                null, List.of());
    }

    /**
     * Adds an answer. An answer for bands already answered is ignored, so that a duplicate cannot complete the
     * decision early, nor add candidates that were stored in a bucket after the item (which would break the race
     * rule); the bands of one item's answers never overlap otherwise, as each band is in one probe.
     */
    public PendingDecision with(BandAnswer answer) {
        if (answered().intersects(answer.bands())) {
            return this;
        }
        List<BandAnswer> all = new ArrayList<>(answers);
        all.add(answer.withoutItem());
        return new PendingDecision(order, itemArrived || answer.tagged() != null, totalBands, all, recordTimestamp,
                sinceMs, asking, remaining);
    }

    /** The bands answered so far (none once deciding). */
    public Bands answered() {
        Bands all = Bands.NONE;
        for (BandAnswer a : answers) {
            all = all.union(a.bands());
        }
        return all;
    }

    public boolean complete() {
        return itemArrived && answered().size() == totalBands;
    }

    /** True once the answers are in and the item is asking its candidates. */
    public boolean deciding() {
        return asking != null;
    }

    /** Asks the first of {@code candidates} next (which must not be empty); the answers are no longer needed. */
    public PendingDecision asking(List<Candidate> candidates) {
        return new PendingDecision(order, itemArrived, totalBands, List.of(), recordTimestamp, sinceMs,
                candidates.get(0), candidates.subList(1, candidates.size()));
    }

    public String itemId() {
        return order.itemId();
    }
}
