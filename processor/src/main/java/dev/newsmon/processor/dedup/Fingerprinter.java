package dev.newsmon.processor.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** The Unicode categories of {@code \p{L}} and {@code \p{N}}, as bits of {@link Character#getType}. */
    private static final int WORD_CATEGORIES = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
            | 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER | 1 << Character.OTHER_NUMBER;
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

        // A MinHash is the minimum over a set, so a repeated hash changes nothing: the bands take the hashes as they
        // come, repeats and all, with no set built.
        List<String> bandKeys = new ArrayList<>(TOTAL_BANDS);
        long[] sequence = sequence(contentWords, MAX_SHINGLES);
        // The lead's shingles are the first ones of the text's: MAX_SHINGLES is far more than a lead has.
        int leadWords = Math.min(LEAD_WORDS, contentWords.size());
        int lead = leadWords == 0 ? 0 : leadWords - Math.min(SHINGLE_WORDS, leadWords) + 1;
        if (lead > 0) {
            addBands(bandKeys, sequence, lead, 0, LEAD_BANDS, LEAD_ROWS, 0);
        }
        long[] titleHashes = new long[titleWords.size()];
        for (int i = 0; i < titleHashes.length; i++) {
            titleHashes[i] = Hash64.of(titleWords.get(i));
        }
        if (titleHashes.length > 0) {
            addBands(bandKeys, titleHashes, titleHashes.length, LEAD_BANDS, TITLE_BANDS, TITLE_ROWS,
                    LEAD_BANDS * LEAD_ROWS);
        }
        if (sequence.length > 0) {
            addBands(bandKeys, sequence, sequence.length, LEAD_BANDS + TITLE_BANDS, BODY_BANDS, BODY_ROWS,
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
        String lower = s.toLowerCase(Locale.ROOT).replace('ё', 'е');
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            boolean word = isWordChar(c);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            out.add(lower.substring(start));
        }
        return out;
    }

    /** Whether {@code c} is in {@code [\p{L}\p{N}]}, by the same test of its Unicode category as the regex's. */
    private static boolean isWordChar(int c) {
        return (WORD_CATEGORIES >> Character.getType(c) & 1) != 0;
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
            out[i] = Hash64.ofJoined(words, i, i + n);
        }
        return out;
    }

    /** Adds the keys of {@code bands} bands over the first {@code size} hashes of {@code set}. */
    private static void addBands(List<String> keys, long[] set, int size, int firstBand, int bands, int rows,
                                 int firstSeed) {
        for (int b = 0; b < bands; b++) {
            long acc = firstBand + b;
            for (int r = 0; r < rows; r++) {
                acc = Hash64.fmix64(acc * GOLDEN ^ minHash(set, size, SEEDS[firstSeed + b * rows + r]));
            }
            keys.add(bandKey(firstBand + b, acc));
        }
    }

    private static long minHash(long[] set, int size, long seed) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, Hash64.fmix64(set[i] ^ seed));
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
