package dev.newsmon.processor.dedup;

import java.util.List;
import java.util.Objects;

/**
 * What dedup knows of an item's content.
 *
 * @param bandKeys LSH band keys, {@code b<index>:<hex>}, in band index order; items sharing one are candidates
 * @param shingles the text's word shingles (capped), for the exact containment check
 */
public record Fingerprint(List<String> bandKeys, Shingles shingles) {
    public Fingerprint {
        bandKeys = List.copyOf(bandKeys);
        Objects.requireNonNull(shingles, "shingles");
    }

    public static int bandIndex(String bandKey) {
        return Integer.parseInt(bandKey.substring(1, bandKey.indexOf(':')));
    }
}
