package dev.newsmon.processor.dedup;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, from all band answers of an item, which earlier items it may be a copy of, best first. Pure and
 * deterministic: the same answers always give the same list, so a replay after a crash decides the same way.
 */
public final class DedupDecision {
    /** The most candidates an item checks exactly, one after the other; the rest are too weak to matter. */
    public static final int MAX_TRIED = 5;

    private DedupDecision() {
    }

    /**
     * The possible parents of {@code self}, best first (most shared bands, then the older); empty: a new story.
     *
     * <p>A candidate Y came before X in every band they share when X found Y in all of them: Y may be a parent.
     * When X found Y in some shared bands but not all, the two items raced through different band tasks in
     * different orders; then Y may be a parent only if its order key is smaller. Y, deciding on its own answers,
     * sees the mirror image (it found X exactly in the other shared bands), so of two racing copies at most one
     * asks the other: two copies never wait for each other, and never both become the other's copy.
     */
    public static List<Candidate> parents(OrderKey self, Collection<BandAnswer> answers) {
        Map<String, Bands> seenIn = new HashMap<>();
        Map<String, Candidate> byId = new HashMap<>();
        for (BandAnswer answer : answers) {
            for (Found f : answer.found()) {
                Candidate c = f.candidate();
                if (c.itemId().equals(self.itemId())) {
                    continue;
                }
                seenIn.merge(c.itemId(), f.inBands(), Bands::union);
                byId.putIfAbsent(c.itemId(), c);
            }
        }
        Comparator<Candidate> preference = Comparator.<Candidate>comparingInt(c -> seenIn.get(c.itemId()).size())
                .reversed().thenComparing(Candidate::order);
        return byId.values().stream()
                .filter(c -> seenIn.get(c.itemId()).equals(c.sharedBands()) || c.order().compareTo(self) < 0)
                .sorted(preference)
                .limit(MAX_TRIED)
                .toList();
    }
}
