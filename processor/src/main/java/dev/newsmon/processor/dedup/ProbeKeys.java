package dev.newsmon.processor.dedup;

import java.util.List;

/**
 * A probe's band keys as a band entry compares them: each key's {@link BandEntry#bandHash} and its band, worked out
 * once per probe rather than once per candidate the probe finds.
 */
record ProbeKeys(long[] hashes, long[] bits) {
    static ProbeKeys of(List<String> bandKeys) {
        long[] hashes = new long[bandKeys.size()];
        long[] bits = new long[bandKeys.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = BandEntry.bandHash(bandKeys.get(i));
            bits[i] = Bands.ofKeys(List.of(bandKeys.get(i))).mask();
        }
        return new ProbeKeys(hashes, bits);
    }
}
