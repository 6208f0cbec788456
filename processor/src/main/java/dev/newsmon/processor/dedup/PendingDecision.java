package dev.newsmon.processor.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An item the resolver has not settled yet: collecting band answers, then asking its possible originals, all at once,
 * and taking as its parent the first of them, in rank order, that says yes.
 *
 * @param order           the item's order key
 * @param itemArrived     whether the answer of its first band, with the item, has arrived (the item itself is a
 *                        {@link PendingItem}, stored apart)
 * @param totalBands      answers needed before deciding
 * @param answers         answers so far (each for one or more bands), without the item; emptied once the
 *                        candidates are known
 * @param recordTimestamp record time of the item, given to everything emitted for it
 * @param sinceMs         wall-clock time this entry was created, for the wait timeout
 * @param asking          the best candidate that has not said no: the one whose reply decides next; null while
 *                        still collecting answers
 * @param remaining       the candidates after {@code asking}, best first
 * @param remainingAsked  whether {@code remaining} were asked together with {@code asking}; false only in a decision
 *                        stored by a version that asked one candidate at a time
 * @param replied         replies of candidates in {@code remaining} that came before the reply of {@code asking}
 */
public record PendingDecision(OrderKey order, boolean itemArrived, int totalBands,
                              List<BandAnswer> answers, long recordTimestamp, long sinceMs, Candidate asking,
                              List<Candidate> remaining, boolean remainingAsked, List<LookupReply> replied) {
    public PendingDecision {
        Objects.requireNonNull(order, "order");
        answers = List.copyOf(answers);
        remaining = List.copyOf(remaining);
        replied = List.copyOf(replied);
    }

    /** A decision as the versions that asked one candidate at a time stored it: the others are yet to be asked. */
    public PendingDecision(OrderKey order, boolean itemArrived, int totalBands, List<BandAnswer> answers,
                           long recordTimestamp, long sinceMs, Candidate asking, List<Candidate> remaining) {
        this(order, itemArrived, totalBands, answers, recordTimestamp, sinceMs, asking, remaining, false, List.of());
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
                sinceMs, asking, remaining, remainingAsked, replied);
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

    /**
     * Asks all of {@code candidates} (best first, not empty) at once; the answers are no longer needed. The parent is
     * the first of them to say yes in this order, whatever order their replies come in, so it is the one that asking
     * them one after the other would find, in one round trip instead of up to one per candidate.
     */
    public PendingDecision asking(List<Candidate> candidates) {
        return new PendingDecision(order, itemArrived, totalBands, List.of(), recordTimestamp, sinceMs,
                candidates.get(0), candidates.subList(1, candidates.size()), true, List.of());
    }

    /** True if the item asked {@code targetId} and waits for its reply. */
    public boolean awaits(String targetId) {
        if (!deciding()) {
            return false;
        }
        if (asking.itemId().equals(targetId)) {
            return true;
        }
        return remainingAsked && remaining.stream().anyMatch(c -> c.itemId().equals(targetId))
                && replied.stream().noneMatch(r -> r.targetId().equals(targetId));
    }

    /** Keeps the reply of a candidate after {@code asking}, for when its turn comes. */
    public PendingDecision withReply(LookupReply reply) {
        List<LookupReply> all = new ArrayList<>(replied);
        all.add(reply);
        return new PendingDecision(order, itemArrived, totalBands, answers, recordTimestamp, sinceMs, asking,
                remaining, remainingAsked, all);
    }

    /** The next candidate's turn, once {@code asking} said no ({@code remaining} must not be empty). */
    public PendingDecision next() {
        return new PendingDecision(order, itemArrived, totalBands, answers, recordTimestamp, sinceMs,
                remaining.get(0), remaining.subList(1, remaining.size()), remainingAsked, replied);
    }

    /** The reply that {@code asking} already sent, if it came before its turn. */
    public Optional<LookupReply> askingReplied() {
        return replied.stream().filter(r -> r.targetId().equals(asking.itemId())).findFirst();
    }

    public String itemId() {
        return order.itemId();
    }
}
