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
     * Words of the text that make its lead. Feeds flatten paragraphs, so the lead is counted in words: about a
     * news lead paragraph (a dateline and one or two sentences), or the whole of a feed's short summary.
     */
    static final int LEAD_WORDS = 60;
    /**
     * Positions between two values of one field: more than any sensible proximity, so that no phrase or
     * {@code ~n} spans the title and the text.
     */
    static final int POSITION_GAP = 1000;
    /** The order in which hits are listed. */
    static final List<String> READING_ORDER = List.of(TITLE, TEXT);

    private ItemFields() {
    }

    /** The first {@value #LEAD_WORDS} whitespace-separated words of the text, as they stand. */
    static String lead(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord && ++words > LEAD_WORDS) {
                return text.substring(0, i);
            }
            inWord = !space;
        }
        return text;
    }
}
