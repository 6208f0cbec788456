package dev.newsmon.processor.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * What a boilerplate pattern cannot match without, read off the start of its source: one of a few literals that every
 * match contains, and whether a match can only start at the start of the text. Most texts hold no boilerplate, and a
 * regex search costs a match attempt at every position of the text, where a search for a literal is one pass of
 * {@link String#indexOf}; so a pattern runs only on a text that has one of its literals.
 *
 * <p>Only a simple start is read: leading inline flags, {@code ^} and {@code \b}, optional groups, then a run of
 * plain characters or a group of plain alternatives. A pattern that starts otherwise gets no literals and always runs,
 * so the answer is never wrong, only sometimes unhelpful.
 *
 * @param literals         one of these occurs in every match; empty when nothing is known
 * @param caseInsensitive  the literals are to be looked for in {@linkplain #fold folded} text
 * @param anchored         a match can only start at the start of the text (a leading {@code ^}, not multi-line, and
 *                         no alternative outside a group)
 */
record Trigger(List<String> literals, boolean caseInsensitive, boolean anchored) {
    private static final String METACHARACTERS = "\\^$.|?*+()[]{}";

    Trigger {
        literals = List.copyOf(literals);
    }

    /** The trigger of a pattern compiled from {@code regex} without flags, as the boilerplate list compiles them. */
    static Trigger of(String regex) {
        return new Parser(regex).trigger();
    }

    /** Whether the pattern may match {@code text}; {@code folded} is {@code fold(text)} where case is ignored. */
    boolean mayMatch(String text, String folded) {
        if (literals.isEmpty()) {
            return true;
        }
        String in = caseInsensitive ? folded : text;
        for (String literal : literals) {
            if (in.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each char as case-insensitive matching compares it: java.util.regex folds a char to lower case of its upper
     * case under UNICODE_CASE, and only ASCII letters without it, which this folding agrees with for the characters
     * a literal may hold ({@link #foldable}).
     */
    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    private static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * Characters whose folding is plain: ASCII, Cyrillic and the copyright sign, whose fold is its own fold. A text
     * char that matches one of them case-insensitively folds to the same char; for others (ligatures, Greek final
     * sigma, dotted I) the regex's rules are subtler, so a literal stops before them.
     */
    private static boolean foldable(char c) {
        boolean plain = c >= 0x20 && c < 0x7f || c >= 0x400 && c <= 0x4ff || c == '©';
        return plain && fold(fold(c)) == fold(c);
    }

    /** Reads the start of one pattern's source. */
    private static final class Parser {
        private final String source;
        private int pos;
        private boolean caseInsensitive;
        private boolean multiline;
        private boolean comments;

        Parser(String source) {
            this.source = source;
        }

        Trigger trigger() {
            if (!leadingFlags() || comments) {
                return new Trigger(List.of(), caseInsensitive, false);
            }
            if (alternativeOutsideGroups()) {
                return new Trigger(List.of(), caseInsensitive, false);
            }
            boolean anchored = !multiline && source.startsWith("^", pos)
                    && (pos + 1 == source.length() || "?*{".indexOf(source.charAt(pos + 1)) < 0);
            return new Trigger(literals(), caseInsensitive, anchored);
        }

        /** Reads groups such as {@code (?iu)}; false on a flag it does not know. */
        private boolean leadingFlags() {
            while (source.startsWith("(?", pos)) {
                int end = source.indexOf(')', pos);
                String flags = end < 0 ? "" : source.substring(pos + 2, end);
                if (flags.isEmpty() || !flags.matches("[a-zA-Z-]+")) {
                    return true;
                }
                boolean on = true;
                for (char f : flags.toCharArray()) {
                    switch (f) {
                        case '-' -> on = false;
                        case 'i' -> caseInsensitive = on;
                        case 'm' -> multiline = on;
                        case 'x' -> comments = on || comments;
                        case 'u', 'U', 's', 'd' -> {
                        }
                        default -> {
                            return false;
                        }
                    }
                }
                pos = end + 1;
            }
            return true;
        }

        /** The literals of the first required plain text after zero-width and optional parts. */
        private List<String> literals() {
            while (pos < source.length()) {
                if (source.startsWith("^", pos)) {
                    pos++;
                } else if (source.startsWith("\\b", pos)) {
                    pos += 2;
                } else if (source.startsWith("(?:", pos)) {
                    int close = groupEnd(pos);
                    List<String> alternatives = close < 0 ? null : alternatives(source.substring(pos + 3, close));
                    if (alternatives == null) {
                        return List.of();
                    }
                    char after = close + 1 < source.length() ? source.charAt(close + 1) : 0;
                    if (after == '?' || after == '*' || after == '{') {
                        pos = close + 2;
                        if (after == '{' || source.startsWith("?", pos) || source.startsWith("+", pos)) {
                            return List.of();
                        }
                        continue;
                    }
                    return after == '+' ? List.of() : alternatives;
                } else {
                    String run = plainRun();
                    return run.isEmpty() ? List.of() : List.of(run);
                }
            }
            return List.of();
        }

        /** Plain characters from {@code pos}, less a last one that a quantifier makes optional or repeats. */
        private String plainRun() {
            StringBuilder run = new StringBuilder();
            int i = pos;
            while (i < source.length()) {
                int width = 1;
                char c = source.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= source.length() || Character.isLetterOrDigit(source.charAt(i + 1))) {
                        break;
                    }
                    c = source.charAt(i + 1);
                    width = 2;
                } else if (METACHARACTERS.indexOf(c) >= 0) {
                    break;
                }
                if (!foldable(c)) {
                    break;
                }
                int next = i + width;
                if (next < source.length() && "?*+{".indexOf(source.charAt(next)) >= 0) {
                    break;
                }
                run.append(c);
                i = next;
            }
            return caseInsensitive ? fold(run.toString()) : run.toString();
        }

        /** The alternatives of a group body if each is plain text in full; else null. */
        private List<String> alternatives(String body) {
            List<String> out = new ArrayList<>();
            for (String alternative : body.split("\\|", -1)) {
                Parser inner = new Parser(alternative);
                inner.caseInsensitive = caseInsensitive;
                String run = inner.plainRun();
                if (run.isEmpty() || inner.consumedAll(run)) {
                    out.add(run);
                } else {
                    return null;
                }
            }
            return out.contains("") ? null : out;
        }

        /** Whether the plain run read from the start covers the whole source (counting escapes). */
        private boolean consumedAll(String run) {
            int plain = 0;
            for (int i = 0; i < source.length(); i++) {
                if (source.charAt(i) == '\\') {
                    i++;
                }
                plain++;
            }
            return plain == run.length();
        }

        /** The index of the ')' closing the group opened at {@code open}, if no nested group or class is inside. */
        private int groupEnd(int open) {
            for (int i = open + 1; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '(' || c == '[') {
                    return -1;
                } else if (c == ')') {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Whether a '|' may stand outside every group and class, which would let a match do without the start;
         * true also where the source is quoted or a class starts with ']', which this does not follow.
         */
        private boolean alternativeOutsideGroups() {
            int depth = 0;
            int classDepth = 0;
            for (int i = 0; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\\') {
                    if (source.startsWith("Q", i + 1)) {
                        return true;
                    }
                    i++;
                } else if (c == '[') {
                    if (source.startsWith("]", i + 1) || source.startsWith("^]", i + 1)) {
                        return true;
                    }
                    classDepth++;
                } else if (c == ']' && classDepth > 0) {
                    classDepth--;
                } else if (classDepth > 0) {
                    continue;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
