package dev.newsmon.processor.tagging;

import java.util.List;

/** Names of the item fields that rules search. */
final class ItemFields {
    static final String TITLE = "title";
    static final String TEXT = "text";
    /**
     * Title and text as two values of one field, where an unqualified query term looks. One field instead of a
     * query over both halves the clauses of every query, and the monitor's cost grows with them.
     */
    static final String ALL = "all";
    /**
     * Positions between the title's last word and the text's first in {@link #ALL}: more than any sensible
     * proximity, so that no phrase or {@code ~n} spans the two.
     */
    static final int POSITION_GAP = 1000;
    /** The order in which hits are listed. */
    static final List<String> READING_ORDER = List.of(TITLE, TEXT);

    private ItemFields() {
    }
}
