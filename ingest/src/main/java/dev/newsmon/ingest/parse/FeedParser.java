package dev.newsmon.ingest.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom bodies with ROME. Thread-safe.
 *
 * <p>The body's charset is found as XML over HTTP prescribes (Content-Type charset, BOM, XML prolog), leniently,
 * because feeds often get it wrong. DOCTYPEs are refused, so no DTD is read and no external entity can make the
 * parser read a local file or a URL.
 */
public final class FeedParser {

    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        SyndFeed feed = build(body, contentType, feedUrl);
        String type = feed.getFeedType() == null ? "" : feed.getFeedType().toLowerCase(Locale.ROOT);
        if (type.startsWith("opml")) {
            // rome-opml registers OPML as a feed type; an OPML document here is a feed list given by mistake.
            throw new FeedParseException(feedUrl, "an OPML feed list, not a feed");
        }
        List<ParsedEntry> entries = new ArrayList<>();
        boolean rdf = type.equals("rss_1.0");
        for (SyndEntry e : feed.getEntries()) {
            entries.add(entry(e, rdf, feedUrl));
        }
        return new ParsedFeed(blankToNull(feed.getTitle()), absolute(feed.getLink(), feedUrl), entries, ttl(feed));
    }

    private static Duration ttl(SyndFeed feed) {
        return feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0
                ? Duration.ofMinutes(channel.getTtl()) : null;
    }

    private static SyndFeed build(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(feedUrl, "empty body");
        }
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        // Keeps the RSS/Atom objects reachable, to tell a real guid from the link ROME substitutes for it.
        input.setPreserveWireFeed(true);
        InputStream in = new ByteArrayInputStream(body);
        try (Reader reader = new BufferedReader(contentType == null
                ? new XmlReader(in, true)
                : new XmlReader(in, contentType, true))) {
            return input.build(reader);
        } catch (FeedException | IOException e) {
            throw new FeedParseException(feedUrl, e.getMessage(), e);
        } catch (RuntimeException e) {
            // ROME reports an unknown document type as IllegalArgumentException and trips over some malformed
            // elements with other unchecked exceptions; all of them mean this body is not a usable feed.
            throw new FeedParseException(feedUrl, e.toString(), e);
        } catch (StackOverflowError e) {
            // ROME and JDOM walk the element tree recursively (xhtml content is re-serialised that way), so a few
            // thousand nested elements exhaust the stack: a hostile or broken body, not a reason to stop polling.
            throw new FeedParseException(feedUrl, "elements nested too deeply", e);
        }
    }

    private static ParsedEntry entry(SyndEntry e, boolean rdf, String feedUrl) {
        Date published = e.getPublishedDate() != null ? e.getPublishedDate()
                : e.getUpdatedDate() != null ? e.getUpdatedDate()
                : dublinCoreDate(e);
        return new ParsedEntry(
                blankToNull(guid(e, rdf)),
                absolute(e.getLink(), feedUrl),
                e.getTitle(),
                html(e),
                instant(published),
                instant(e.getUpdatedDate()),
                author(e));
    }

    /**
     * The id the feed itself gave the entry, or null. Not SyndEntry.getUri(): ROME fills that with the link when an
     * RSS item has no guid, and the link is not an id of the feed's choosing.
     */
    private static String guid(SyndEntry e, boolean rdf) {
        Object wire = e.getWireEntry();
        if (wire instanceof Item item) {
            if (item.getGuid() != null) {
                return item.getGuid().getValue();
            }
            // RSS 1.0 items have no guid but a mandatory rdf:about, which ROME keeps as the item URI.
            return rdf ? item.getUri() : null;
        }
        if (wire instanceof Entry atom) {
            return atom.getId();
        }
        return e.getUri();
    }

    private static Date dublinCoreDate(SyndEntry e) {
        return e.getModule(DCModule.URI) instanceof DCModule dc ? dc.getDate() : null;
    }

    private static String html(SyndEntry e) {
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                return c.getValue();
            }
        }
        SyndContent description = e.getDescription();
        return description == null ? null : blankToNull(description.getValue());
    }

    private static String author(SyndEntry e) {
        if (e.getAuthor() != null && !e.getAuthor().isBlank()) {
            return e.getAuthor().strip();
        }
        for (SyndPerson p : e.getAuthors()) {
            if (p.getName() != null && !p.getName().isBlank()) {
                return p.getName().strip();
            }
        }
        return null;
    }

    /** A link made absolute against the feed URL; a link that is not a valid URI is kept as given. */
    private static String absolute(String link, String feedUrl) {
        String l = blankToNull(link);
        if (l == null) {
            return null;
        }
        try {
            URI uri = new URI(l);
            return uri.isAbsolute() ? l : new URI(feedUrl).resolve(uri).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException ex) {
            return l;
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
