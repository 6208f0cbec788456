package dev.newsmon.ingest.parse;

import java.time.Duration;
import java.util.List;

/**
 * A feed as the parser read it, free of any parser library's types.
 *
 * @param title     the feed's title, or null
 * @param link      the feed's home page, absolute, or null
 * @param entries   its entries, in document order
 * @param ttl       the RSS {@code <ttl>}: how long the feed asks to be cached, or null
 * @param recovered true when the body is not well-formed XML and was read leniently, its complete entries only
 */
public record ParsedFeed(String title, String link, List<ParsedEntry> entries, Duration ttl, boolean recovered) {
    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
