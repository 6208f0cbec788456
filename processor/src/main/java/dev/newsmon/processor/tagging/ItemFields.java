package dev.newsmon.processor.tagging;

import java.util.List;

/** Names of the item fields that rules search, and what goes into them. */
final class ItemFields {
    static final String TITLE = "title";
    static final String TEXT = "text";
    /**
     * Title and text as two values of one field, where an unqualified query term looks. One field instead of a
     * query over both halves the clauses of every query.
     */
    static final String ALL = "all";
    /** Title and lead as two values of one field: where a query matching "in the lead" must match whole. */
    static final String HEAD = "head";
    /**
     * The lead is the text's opening sentences up to the first sentence end after {@value #LEAD_MIN_WORDS} words,
     * and never more than {@value #LEAD_WORDS} words. Feeds flatten paragraphs, so sentences stand in for the lead
     * paragraph: a dateline and one or two sentences. A short summary's closing sentence is detail, not its lead.
     */
    static final int LEAD_WORDS = 60;
    static final int LEAD_MIN_WORDS = 45;
    /**
     * The same for a text mostly in Cyrillic: Russian says in four words what English says in five (it has no
     * articles and fewer auxiliaries), so its dateline and first sentences take about a fifth fewer words.
     */
    static final int RUSSIAN_LEAD_WORDS = 48;
    static final int RUSSIAN_LEAD_MIN_WORDS = 36;
    /**
     * Positions between two values of one field: more than any sensible proximity, so that no phrase or
     * {@code ~n} spans the title and the text.
     */
    static final int POSITION_GAP = 1000;
    /** The order in which hits are listed. */
    static final List<String> READING_ORDER = List.of(TITLE, TEXT);

    private ItemFields() {
    }

    /** The lead of a text, as it stands (see {@link #LEAD_WORDS} and {@link #RUSSIAN_LEAD_WORDS}). */
    static String lead(String text) {
        int words = 0;
        // Cyrillic letters minus other letters so far: the lead's length is that of the language it is written in.
        int cyrillic = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    cyrillic += CyrillicFilter.isCyrillic(c) ? 1 : -1;
                }
                i++;
            }
            words++;
            boolean russian = cyrillic > 0;
            int most = russian ? RUSSIAN_LEAD_WORDS : LEAD_WORDS;
            int least = russian ? RUSSIAN_LEAD_MIN_WORDS : LEAD_MIN_WORDS;
            if (words >= most || words >= least && endsSentence(text, start, i)) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /**
     * Whether the word at [start, end) closes a sentence: it ends in . ! or ? (before closing quotes or brackets)
     * and the next word begins with a capital or a quote (Russian «ёлочки» and „лапки“ included), so that "U.S.
     * astronaut" and "Jan. 14" do not.
     */
    private static boolean endsSentence(String text, int start, int end) {
        int last = end - 1;
        while (last > start && "\"'”’)»“".indexOf(text.charAt(last)) >= 0) {
            last--;
        }
        char c = text.charAt(last);
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        int next = end;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next == text.length()) {
            return true;
        }
        char d = text.charAt(next);
        return Character.isUpperCase(d) || "\"'“‘«„".indexOf(d) >= 0;
    }
}
