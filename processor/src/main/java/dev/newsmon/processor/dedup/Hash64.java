package dev.newsmon.processor.dedup;

import java.util.List;

/**
 * A fixed 64-bit string hash: FNV-1a over the UTF-16 chars, then the MurmurHash3 fmix64 finaliser to spread FNV's
 * weak high bits. Fixed forever: stored fingerprints and band keys are compared across restarts and versions.
 */
public final class Hash64 {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hash64() {
    }

    public static long of(CharSequence s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return fmix64(h ^ s.length());
    }

    /**
     * {@link #of} of {@code words.subList(from, to)} joined by single spaces, without building the string: a text's
     * shingles hash every word four times.
     */
    public static long ofJoined(List<String> words, int from, int to) {
        long h = FNV_OFFSET;
        int length = to - from - 1;
        for (int w = from; w < to; w++) {
            if (w > from) {
                h ^= ' ';
                h *= FNV_PRIME;
            }
            String word = words.get(w);
            for (int i = 0; i < word.length(); i++) {
                h ^= word.charAt(i);
                h *= FNV_PRIME;
            }
            length += word.length();
        }
        return fmix64(h ^ length);
    }

    /** MurmurHash3's 64-bit finaliser: a bijection that mixes every input bit into every output bit. */
    public static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Sixteen lower-case hex digits, zero-padded, so keys sort and compare as text. */
    public static String hex(long h) {
        char[] digits = new char[16];
        long rest = h;
        for (int i = digits.length - 1; i >= 0; i--) {
            digits[i] = Character.forDigit((int) (rest & 0xf), 16);
            rest >>>= 4;
        }
        return new String(digits);
    }
}
