package dev.newsmon.processor.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pairwise clustering quality: a pair of items is positive when both are in one cluster. Precision = predicted
 * pairs that are true, recall = true pairs that were predicted.
 *
 * @param truePairs      pairs in one true story
 * @param predictedPairs pairs given one story id
 * @param correctPairs   pairs both true and predicted
 * @param falseMerges    predicted pairs whose items belong to different true stories
 */
public record PairwiseScore(long truePairs, long predictedPairs, long correctPairs, List<String> falseMerges) {

    /** Both maps must have the same keys (item id to label). */
    public static PairwiseScore of(Map<String, String> truth, Map<String, String> predicted) {
        if (!truth.keySet().equals(predicted.keySet())) {
            throw new IllegalArgumentException("items differ: truth " + truth.size() + ", predicted "
                    + predicted.size());
        }
        List<String> ids = new ArrayList<>(truth.keySet());
        long t = 0;
        long p = 0;
        long c = 0;
        List<String> merges = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                boolean sameTruth = truth.get(a).equals(truth.get(b));
                boolean samePredicted = predicted.get(a).equals(predicted.get(b));
                t += sameTruth ? 1 : 0;
                p += samePredicted ? 1 : 0;
                c += sameTruth && samePredicted ? 1 : 0;
                if (samePredicted && !sameTruth) {
                    merges.add(a + "~" + b);
                }
            }
        }
        return new PairwiseScore(t, p, c, merges);
    }

    public double precision() {
        return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    public double f1() {
        double sum = precision() + recall();
        return sum == 0 ? 0 : 2 * precision() * recall() / sum;
    }

    @Override
    public String toString() {
        return String.format("precision=%.3f recall=%.3f f1=%.3f true_pairs=%d predicted_pairs=%d false_merges=%s",
                precision(), recall(), f1(), truePairs, predictedPairs, falseMerges);
    }
}
