package dev.newsmon.processor.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fingerprints an item for syndicated-copy detection. Immutable and safe to share between threads.
 *
 * <p>Candidates come from MinHash LSH over the shingles of the <em>lead</em> (the first words of the text once the
 * boilerplate is gone) rather than of the whole text: a republisher that keeps only the first paragraphs keeps the
 * lead, so the truncated copy shares bands with the full original although their Jaccard similarity is low. Two
 * bands over the title's words add a second chance for copies whose first sentence was rewritten. The exact
 * decision then compares the full shingle sequences ({@link Overlap}).
 *
 * <p>Body bands, over the shingles of the whole text, find copies whose lead and title both differ: a body under a
 * new headline after a standfirst or byline of the republisher's (the lead moves), or a copy edit (the lead changes
 * in several places). Two rows per band, because a copy edit that changes a word every dozen words leaves a Jaccard
 * similarity near 0.5 over 4-word shingles, while independent reports of one event stay near 0.01.
 */
public final class Fingerprinter {
    static final int SHINGLE_WORDS = 4;
    /** Positions kept, from the start: a truncated copy's shingles are among the first ones of its original. */
    static final int MAX_SHINGLES = 2000;
    static final int LEAD_WORDS = 60;
    static final int LEAD_BANDS = 16;
    static final int LEAD_ROWS = 4;
    static final int TITLE_BANDS = 2;
    static final int TITLE_ROWS = 3;
    static final int BODY_BANDS = 8;
    static final int BODY_ROWS = 2;
    static final int TOTAL_BANDS = LEAD_BANDS + TITLE_BANDS + BODY_BANDS;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /**
     * One seed per MinHash function: lead bands first, then title bands, then body bands. Appending keeps the
     * earlier bands' keys, which band buckets stored by earlier versions are compared with.
     */
    private static final long[] SEEDS = seeds(LEAD_BANDS * LEAD_ROWS + TITLE_BANDS * TITLE_ROWS
            + BODY_BANDS * BODY_ROWS);

    private final Boilerplate boilerplate;

    public Fingerprinter(Boilerplate boilerplate) {
        this.boilerplate = boilerplate;
    }

    public Fingerprint fingerprint(String itemId, String title, String text) {
        List<String> titleWords = words(boilerplate.stripTitle(title));
        List<String> textWords = words(boilerplate.stripText(text));
        // A title-only item is compared on its title, else it could never be found to be a copy.
        List<String> contentWords = textWords.isEmpty() ? titleWords : textWords;

        List<String> bandKeys = new ArrayList<>(TOTAL_BANDS);
        long[] lead = shingles(contentWords.subList(0, Math.min(LEAD_WORDS, contentWords.size())), Integer.MAX_VALUE);
        if (lead.length > 0) {
            addBands(bandKeys, lead, 0, LEAD_BANDS, LEAD_ROWS, 0);
        }
        long[] titleSet = titleWords.stream().distinct().mapToLong(Hash64::of).toArray();
        if (titleSet.length > 0) {
            addBands(bandKeys, titleSet, LEAD_BANDS, TITLE_BANDS, TITLE_ROWS, LEAD_BANDS * LEAD_ROWS);
        }
        long[] sequence = sequence(contentWords, MAX_SHINGLES);
        long[] body = Arrays.stream(sequence).distinct().toArray();
        if (body.length > 0) {
            addBands(bandKeys, body, LEAD_BANDS + TITLE_BANDS, BODY_BANDS, BODY_ROWS,
                    LEAD_BANDS * LEAD_ROWS + TITLE_BANDS * TITLE_ROWS);
        }
        if (bandKeys.isEmpty()) {
            // No words at all: a band of its own, so the item still flows through dedup and becomes a story.
            bandKeys.add(bandKey(0, Hash64.of(itemId)));
        }
        return new Fingerprint(bandKeys, Shingles.inTextOrder(sequence));
    }

    /** Lower case, and Russian ё as е: one outlet prints the dots and its copier leaves them out. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT).replace('ё', 'е'));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * The hash of the word n-gram at each position, in text order, at most {@code cap} positions; a text shorter than
     * one shingle is one shingle.
     */
    static long[] sequence(List<String> words, int cap) {
        if (words.isEmpty()) {
            return new long[0];
        }
        int n = Math.min(SHINGLE_WORDS, words.size());
        int positions = Math.min(cap, words.size() - n + 1);
        long[] out = new long[positions];
        for (int i = 0; i < positions; i++) {
            out[i] = Hash64.of(String.join(" ", words.subList(i, i + n)));
        }
        return out;
    }

    /** Hashes of the distinct word n-grams in text order; a text shorter than one shingle is one shingle. */
    static long[] shingles(List<String> words, int cap) {
        if (words.isEmpty()) {
            return new long[0];
        }
        int n = Math.min(SHINGLE_WORDS, words.size());
        Set<Long> out = new LinkedHashSet<>();
        for (int i = 0; i + n <= words.size() && out.size() < cap; i++) {
            out.add(Hash64.of(String.join(" ", words.subList(i, i + n))));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static void addBands(List<String> keys, long[] set, int firstBand, int bands, int rows, int firstSeed) {
        for (int b = 0; b < bands; b++) {
            long acc = firstBand + b;
            for (int r = 0; r < rows; r++) {
                acc = Hash64.fmix64(acc * GOLDEN ^ minHash(set, SEEDS[firstSeed + b * rows + r]));
            }
            keys.add(bandKey(firstBand + b, acc));
        }
    }

    private static long minHash(long[] set, long seed) {
        long min = Long.MAX_VALUE;
        for (long h : set) {
            min = Math.min(min, Hash64.fmix64(h ^ seed));
        }
        return min;
    }

    private static String bandKey(int index, long hash) {
        return "b" + index + ":" + Hash64.hex(hash);
    }

    private static long[] seeds(int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = Hash64.fmix64((i + 1) * GOLDEN);
        }
        return s;
    }
}
