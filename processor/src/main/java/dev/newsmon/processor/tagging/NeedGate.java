package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;

/**
 * The prefilter's first look at an item, from its characters alone: which needs the item might meet, found by one
 * Aho–Corasick pass over its folded text, with no tokenizer and no filter chain. An item none of whose rules could
 * have all their needs met is decided there; the others go on to the exact analysis.
 *
 * <p>Lossless because every analysed word is a piece of the item's text, changed only in ways the pass undoes on
 * both sides. {@link NewsAnalyzer}'s tokens are runs of the text; its filters fold characters one by one (accents to
 * ASCII, {@code ё} to {@code е}, case), drop the dots of acronyms, and cut endings (possessives, plurals, Russian
 * cases), except that the English stemmer writes a {@code y} for {@code ies}. So a word's key, its characters folded
 * the same way, without dots and without a final {@code y}, is found in the item's text folded that way and without
 * dots, wherever the word is one of the item's tokens; a prefix's key likewise, since it begins such a word.
 */
final class NeedGate {
    /** The transition table's size beyond which the gate is not built and every item takes the exact path. */
    static final int MAX_TABLE = 4 << 20;

    /** The class of a char the pass skips: a dot, which the analyzer drops from acronyms. */
    private static final char SKIP = Character.MAX_VALUE;
    /** The class of a char that folds to several ({@code æ} to {@code ae}): their classes are in {@link #severalOf}. */
    private static final char SEVERAL = Character.MAX_VALUE - 1;

    /**
     * Per char of a text, the class of its folded, canonical form ({@link #key}), {@link #SKIP} or {@link #SEVERAL};
     * class 0 is a char no key holds, which leads back to the start. Worked out once per rules version for every
     * char, so that the pass costs one table lookup a char where folding and case mapping each char cost several.
     */
    private final char[] classOfChar;
    private final Map<Character, char[]> severalOf;
    private final int classes;
    private final int[] next;
    /** Per state, the keys that end there (its own and those of its suffixes); null when none. */
    private final int[][] keysAt;
    /** Per key, the needs that one of its words or prefixes meets. */
    private final int[][] needsOfKey;
    /** Needs whose key is empty: met by any item. */
    private final BitSet alwaysMet;

    private NeedGate(char[] classOf, int classes, int[] next, int[][] keysAt, int[][] needsOfKey,
                     BitSet alwaysMet) {
        this.classOfChar = new char[Character.MAX_VALUE + 1];
        this.severalOf = new HashMap<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char[] kept = foldedClasses((char) c, classOf);
            classOfChar[c] = kept.length == 0 ? SKIP : kept.length == 1 ? kept[0] : SEVERAL;
            if (kept.length > 1) {
                severalOf.put((char) c, kept);
            }
        }
        this.classes = classes;
        this.next = next;
        this.keysAt = keysAt;
        this.needsOfKey = needsOfKey;
        this.alwaysMet = alwaysMet;
    }

    /**
     * @param needs the words and prefixes of each need, by need id
     * @return null when the table would exceed {@link #MAX_TABLE}
     */
    static NeedGate of(List<Prefilter.Need> needs) {
        Map<String, List<Integer>> byKey = new HashMap<>();
        BitSet alwaysMet = new BitSet(needs.size());
        for (int n = 0; n < needs.size(); n++) {
            List<String> words = new ArrayList<>(needs.get(n).words());
            words.addAll(needs.get(n).prefixes());
            for (String w : words) {
                String key = key(w);
                if (key.isEmpty()) {
                    alwaysMet.set(n);
                } else {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
                }
            }
        }
        List<String> keys = new ArrayList<>(new TreeSet<>(byKey.keySet()));
        char[] classOf = new char[Character.MAX_VALUE + 1];
        int classes = 1;
        for (String k : keys) {
            for (char c : k.toCharArray()) {
                if (classOf[c] == 0) {
                    classOf[c] = (char) classes++;
                }
            }
        }
        Trie trie = Trie.of(keys, classOf);
        if ((long) trie.states() * classes > MAX_TABLE || classes >= SEVERAL) {
            return null;
        }
        int[][] needsOfKey = keys.stream().map(k -> byKey.get(k).stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        return trie.automaton(classOf, classes, needsOfKey, alwaysMet);
    }

    /** The needs the item might meet: every need it meets, and perhaps others. */
    BitSet possiblyMet(FeedItem item) {
        BitSet keys = new BitSet(needsOfKey.length);
        scan(item.title(), keys);
        scan(item.text(), keys);
        BitSet met = (BitSet) alwaysMet.clone();
        for (int k = keys.nextSetBit(0); k >= 0; k = keys.nextSetBit(k + 1)) {
            for (int n : needsOfKey[k]) {
                met.set(n);
            }
        }
        return met;
    }

    private void scan(String value, BitSet keys) {
        int state = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char cls = classOfChar[c];
            if (cls < SEVERAL) {
                state = step(state, cls, keys);
            } else if (cls == SEVERAL) {
                for (char each : severalOf.get(c)) {
                    state = step(state, each, keys);
                }
            }
        }
    }

    private int step(int state, char cls, BitSet keys) {
        int to = next[state * classes + cls];
        int[] ending = keysAt[to];
        if (ending != null) {
            for (int k : ending) {
                keys.set(k);
            }
        }
        return to;
    }

    /** The classes of a char of the text as {@link #key} folds it, dots left out. */
    private static char[] foldedClasses(char c, char[] classOf) {
        char[] folded = {c, 0, 0, 0};
        int length = c < 0x80 ? 1 : ASCIIFoldingFilter.foldToASCII(new char[] {c}, 0, folded, 0, 1);
        StringBuilder kept = new StringBuilder(length);
        for (int j = 0; j < length; j++) {
            char k = canonical(folded[j]);
            if (k != '.') {
                kept.append(classOf[k]);
            }
        }
        return kept.toString().toCharArray();
    }

    /** A word's characters as the pass compares them: folded, without dots, without a final {@code y}. */
    static String key(String word) {
        char[] folded = new char[word.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(word.toCharArray(), 0, folded, 0, word.length());
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = canonical(folded[i]);
            if (c != '.') {
                key.append(c);
            }
        }
        if (key.length() > 0 && key.charAt(key.length() - 1) == 'y') {
            key.setLength(key.length() - 1);
        }
        return key.toString();
    }

    /** One form for the characters the analyzer takes as one: any case, and {@code ё} as {@code е}. */
    static char canonical(char c) {
        if (c == 'ё' || c == 'Ё') {
            return 'е';
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The keys as a trie of character classes, turned into the automaton once built. */
    private record Trie(List<Map<Character, Integer>> children, List<List<Integer>> ends) {
        static Trie of(List<String> keys, char[] classOf) {
            Trie trie = new Trie(new ArrayList<>(), new ArrayList<>());
            trie.add();
            for (int k = 0; k < keys.size(); k++) {
                int state = 0;
                for (char c : keys.get(k).toCharArray()) {
                    char cls = classOf[c];
                    Integer child = trie.children.get(state).get(cls);
                    if (child == null) {
                        child = trie.add();
                        trie.children.get(state).put(cls, child);
                    }
                    state = child;
                }
                trie.ends.get(state).add(k);
            }
            return trie;
        }

        private int add() {
            children.add(new HashMap<>());
            ends.add(new ArrayList<>());
            return children.size() - 1;
        }

        int states() {
            return children.size();
        }

        /** Breadth first, each state's missing transitions and keys taken from its longest proper suffix state. */
        NeedGate automaton(char[] classOf, int classes, int[][] needsOfKey, BitSet alwaysMet) {
            int[] next = new int[states() * classes];
            int[] fail = new int[states()];
            int[][] keysAt = new int[states()][];
            Queue<Integer> queue = new ArrayDeque<>();
            for (int cls = 1; cls < classes; cls++) {
                Integer child = children.get(0).get((char) cls);
                if (child != null) {
                    next[cls] = child;
                    queue.add(child);
                }
            }
            while (!queue.isEmpty()) {
                int state = queue.remove();
                List<Integer> own = new ArrayList<>(ends.get(state));
                int[] inherited = keysAt[fail[state]];
                if (inherited != null) {
                    for (int k : inherited) {
                        own.add(k);
                    }
                }
                keysAt[state] = own.isEmpty() ? null : own.stream().mapToInt(Integer::intValue).toArray();
                for (int cls = 1; cls < classes; cls++) {
                    Integer child = children.get(state).get((char) cls);
                    int viaFail = next[fail[state] * classes + cls];
                    if (child == null) {
                        next[state * classes + cls] = viaFail;
                    } else {
                        next[state * classes + cls] = child;
                        fail[child] = viaFail;
                        queue.add(child);
                    }
                }
            }
            return new NeedGate(classOf, classes, next, keysAt, needsOfKey, alwaysMet);
        }
    }
}
