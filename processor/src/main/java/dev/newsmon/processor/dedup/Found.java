package dev.newsmon.processor.dedup;

import java.util.Objects;

/**
 * A candidate as one band answer reports it: listed once however many of the answer's bands found it.
 *
 * @param candidate the earlier item
 * @param inBands   the answer's bands whose buckets held it (before the asking item was stored there)
 */
public record Found(Candidate candidate, Bands inBands) {
    public Found {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(inBands, "inBands");
    }
}
