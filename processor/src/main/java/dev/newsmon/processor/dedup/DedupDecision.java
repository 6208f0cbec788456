package dev.newsmon.processor.dedup;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from all band answers of an item, which earlier item (if any) it is a copy of. Pure and deterministic:
 * the same answers always give the same parent, so a replay after a crash decides the same way.
 */
public final class DedupDecision {
    /** Highest similarity first; on a tie the older item, so the choice does not depend on answer order. */
    private static final Comparator<Candidate> PREFERENCE = Comparator.comparingDouble(Candidate::similarity)
            .reversed().thenComparing(Candidate::order);

    private DedupDecision() {
    }

    /**
     * The parent of {@code self}, or empty when it is a new story.
     *
     * <p>A candidate Y came before X in every band they share when X found Y in all of them: Y is a parent. When X
     * found Y in some shared bands but not all, the two items raced through different band tasks in different
     * orders; then Y is a parent only if its order key is smaller. Y, deciding on its own answers, sees the mirror
     * image (it found X exactly in the other shared bands), so of two racing copies exactly one is the parent.
     */
    public static Optional<Candidate> parent(OrderKey self, Collection<BandAnswer> answers, double threshold) {
        Map<String, Set<String>> seenIn = new HashMap<>();
        Map<String, Candidate> byId = new HashMap<>();
        for (BandAnswer answer : answers) {
            for (Candidate c : answer.candidates()) {
                if (c.similarity() < threshold || c.itemId().equals(self.itemId())) {
                    continue;
                }
                seenIn.computeIfAbsent(c.itemId(), k -> new HashSet<>()).add(answer.bandKey());
                byId.putIfAbsent(c.itemId(), c);
            }
        }
        return byId.values().stream()
                .filter(c -> seenIn.get(c.itemId()).equals(Set.copyOf(c.sharedBands()))
                        || c.order().compareTo(self) < 0)
                .min(PREFERENCE);
    }
}
