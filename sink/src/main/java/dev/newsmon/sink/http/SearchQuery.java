package dev.newsmon.sink.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A search over past alerts, as {@code /api/search} and {@code /feed.atom} take it.
 *
 * @param text  words as typed in a search engine: {@code "quoted phrase"}, {@code or}, {@code -excluded}; empty
 *              matches every alert
 * @param tag   only stories with this tag; null for any
 * @param from  alerts at or after this instant; null for no bound
 * @param to    alerts before this instant; null for no bound
 * @param limit at most this many stories
 */
public record SearchQuery(String text, String tag, Instant from, Instant to, int limit) {
    public static final int MAX_LIMIT = 200;
    private static final int DEFAULT_LIMIT = 50;

    public SearchQuery {
        text = text == null ? "" : text.strip();
    }

    /**
     * From the parameters {@code q}, {@code tag}, {@code from}, {@code to} (a date such as {@code 2026-11-26},
     * {@code to} inclusive, or an ISO instant) and {@code limit}.
     *
     * @throws IllegalArgumentException naming the parameter that cannot be read
     */
    public static SearchQuery of(Map<String, String> params) {
        return new SearchQuery(params.get("q"), params.get("tag"), bound("from", params.get("from"), false),
                bound("to", params.get("to"), true), limit(params.get("limit")));
    }

    /** A title for what this search finds, e.g. {@code "cosmonauts" in space-station}. */
    public String describe() {
        String words = text.isEmpty() ? "all alerts" : "\u201c" + text + "\u201d";
        return tag == null ? words : words + " in " + tag;
    }

    private static Instant bound(String name, String value, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + "=" + value + " is neither a date (2026-11-26) nor an instant "
                    + "(2026-11-26T09:00:00Z)");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > MAX_LIMIT) {
                throw new IllegalArgumentException("limit=" + value + " is not between 1 and " + MAX_LIMIT);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit=" + value + " is not a number");
        }
    }
}
