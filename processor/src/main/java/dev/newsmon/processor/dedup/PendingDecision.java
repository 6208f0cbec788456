package dev.newsmon.processor.dedup;

import dev.newsmon.processor.TaggedItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An item the resolver has not settled yet: collecting band answers, then (if it is a copy) waiting for its
 * parent's story id.
 *
 * @param order           the item's order key
 * @param tagged          the item; null until the answer of its first band arrives
 * @param totalBands      answers needed before deciding
 * @param answers         answers so far, without the item
 * @param recordTimestamp record time of the item, given to everything emitted for it
 * @param sinceMs         wall-clock time this entry was created, for the wait timeout
 * @param parent          the candidate it waits for; null while still collecting answers
 */
public record PendingDecision(OrderKey order, TaggedItem tagged, int totalBands, List<BandAnswer> answers,
                              long recordTimestamp, long sinceMs, Candidate parent) {
    public PendingDecision {
        Objects.requireNonNull(order, "order");
        answers = List.copyOf(answers);
    }

    public static PendingDecision start(BandAnswer first, long recordTimestamp, long nowMs) {
        return new PendingDecision(first.order(), null, first.totalBands(), List.of(), recordTimestamp, nowMs, null);
    }

    /** Adds an answer; a repeated answer for the same band is ignored so that a duplicate cannot complete it early. */
    public PendingDecision with(BandAnswer answer) {
        if (answers.stream().anyMatch(a -> a.bandKey().equals(answer.bandKey()))) {
            return this;
        }
        List<BandAnswer> all = new ArrayList<>(answers);
        all.add(answer.withoutItem());
        return new PendingDecision(order, tagged != null ? tagged : answer.tagged(), totalBands, all, recordTimestamp,
                sinceMs, parent);
    }

    public boolean complete() {
        return tagged != null && answers.size() == totalBands;
    }

    public PendingDecision waitingFor(Candidate candidate) {
        return new PendingDecision(order, tagged, totalBands, answers, recordTimestamp, sinceMs, candidate);
    }

    public String itemId() {
        return order.itemId();
    }
}
