package dev.newsmon.processor.tagging;

import java.util.List;

/** Names of the item fields that rules search. */
final class ItemFields {
    static final String TITLE = "title";
    static final String TEXT = "text";
    /** Where an unqualified query term looks. */
    static final List<String> DEFAULT = List.of(TITLE, TEXT);

    private ItemFields() {
    }
}
