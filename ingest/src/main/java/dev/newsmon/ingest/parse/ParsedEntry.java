package dev.newsmon.ingest.parse;

import java.time.Instant;

/**
 * One entry as the feed states it; nothing is cleaned here beyond making the link absolute.
 *
 * @param guid      the feed's own id of the entry (RSS guid, Atom id, RDF about), or null
 * @param link      the entry's link, absolute, or null
 * @param title     the title as given (may hold markup or entities in escaped-HTML feeds), or null
 * @param html      the body as given: full content (content:encoded, Atom content) if any, else the
 *                  description or summary; null if neither
 * @param published publication date, else update date, else Dublin Core date; null if none
 * @param updated   last update date, or null
 * @param author    the author, or null
 * @param language  the ISO 639-1 code of the language the feed declares for the entry (on it, or on the whole
 *                  feed), or null
 */
public record ParsedEntry(String guid, String link, String title, String html, Instant published,
                          Instant updated, String author, String language) {
}
