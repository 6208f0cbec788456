package dev.newsmon.common.model;

/**
 * One hit of a rule in an item, precise enough for a dashboard to highlight it.
 *
 * @param field the item field the hit is in: {@code title} or {@code text}
 * @param term  the text of the hit as it stands in the field
 * @param start character offset of the first char, inclusive
 * @param end   character offset after the last char, exclusive
 */
public record MatchedTerm(String field, String term, int start, int end) {
}
