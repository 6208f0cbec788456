package dev.newsmon.ingest.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom bodies with ROME. Thread-safe.
 *
 * <p>The body's charset is found as XML over HTTP prescribes (Content-Type charset, BOM, XML prolog), leniently,
 * because feeds often get it wrong. A DOCTYPE declaration is cut from the bytes and DTD processing is off, so no DTD
 * is read, no entity a feed declares is expanded and no external entity can make the parser read a local file or a
 * URL. Relative links resolve against {@code xml:base} (entry, channel, root) or else the feed URL.
 */
public final class FeedParser {
    private static final Logger LOG = LoggerFactory.getLogger(FeedParser.class);
    /** {@code ;charset= "x"}: quotes and spaces servers put around the charset, which ROME's XmlReader rejects. */
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)\\s*;\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");
    private static final Pattern WEB_URL = Pattern.compile("(?i)https?://");
    private static final Pattern XHTML_DIV = Pattern.compile("(?s)^\\s*<div\\b[^>]*>(.*)</div>\\s*$");

    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        Read read = read(body, contentType, feedUrl);
        SyndFeed feed = read.feed();
        String type = feed.getFeedType() == null ? "" : feed.getFeedType().toLowerCase(Locale.ROOT);
        if (type.startsWith("opml")) {
            // rome-opml registers OPML as a feed type; an OPML document here is a feed list given by mistake.
            throw new FeedParseException(feedUrl, "an OPML feed list, not a feed");
        }
        EntryElements raw = read.raw();
        List<ParsedEntry> entries = new ArrayList<>();
        // RSS 0.90 and 1.0 are RDF: their items' rdf:about is the id.
        boolean rdf = type.equals("rss_1.0") || type.equals("rss_0.9");
        List<SyndEntry> syndEntries = feed.getEntries();
        for (int i = 0; i < syndEntries.size(); i++) {
            EntryElements.Raw r = raw.entry(i);
            entries.add(entry(syndEntries.get(i), rdf, r == null ? raw.feedBase() : r.base(), r));
        }
        return new ParsedFeed(blankToNull(feed.getTitle()), Links.resolve(feed.getLink(), raw.feedBase()), entries,
                ttl(feed));
    }

    private static Duration ttl(SyndFeed feed) {
        return feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0
                ? Duration.ofMinutes(channel.getTtl()) : null;
    }

    /** What ROME made of the document, and what newsmon read from it beside ROME. */
    private record Read(EntryElements raw, SyndFeed feed) {
    }

    private static Read read(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(feedUrl, "empty body");
        }
        Document doc = document(decode(Doctype.strip(body), contentType, feedUrl), feedUrl);
        Element root = doc.getRootElement();
        if (root.getName().equals("rss") && root.getChild("channel", root.getNamespace()) == null) {
            // A well-formed <rss> without a channel is a feed with nothing in it; ROME would fail on it.
            root.addContent(new Element("channel", root.getNamespace()));
        }
        // Before the dates are rewritten for ROME: the fallback date parsing reads them as the feed wrote them.
        EntryElements raw = EntryElements.of(doc, feedUrl);
        RomeDates.prepare(doc);
        SyndFeedInput input = new SyndFeedInput();
        // Keeps the RSS/Atom objects reachable, to tell a real guid from the link ROME substitutes for it.
        input.setPreserveWireFeed(true);
        try {
            return new Read(raw, input.build(doc));
        } catch (FeedException e) {
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

    /** The text in the charset XML over HTTP prescribes (Content-Type, BOM, prolog), leniently. */
    private static String decode(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        InputStream in = new ByteArrayInputStream(body);
        try (Reader reader = contentType == null ? new XmlReader(in, true)
                : new XmlReader(in, CHARSET_PARAM.matcher(contentType).replaceAll("; charset=$1"), true)) {
            // Some servers put blank lines before the prolog, which XML forbids and nothing else minds.
            return NamespaceSpaces.trim(readAll(reader, body.length).stripLeading());
        } catch (IOException e) {
            throw new FeedParseException(feedUrl, e.getMessage(), e);
        }
    }

    /** Straight into one array sized for the usual case, where a character takes at least a byte. */
    private static String readAll(Reader reader, int bytes) throws IOException {
        char[] chars = new char[Math.max(bytes, 64)];
        int n = 0;
        for (int read; (read = reader.read(chars, n, chars.length - n)) != -1; ) {
            n += read;
            if (n == chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
        }
        return new String(chars, 0, n);
    }

    /**
     * The strict parse first; when it fails, one more try with HTML entities and bare ampersands repaired, so a feed
     * whose entries are still readable is read. If that fails too, the strict parse's error is the one reported.
     */
    private static Document document(String xml, String feedUrl) throws FeedParseException {
        try {
            return SafeXml.read(xml);
        } catch (JDOMException | IOException strict) {
            try {
                Document repaired = SafeXml.read(EntityRepair.repair(xml));
                LOG.debug("feed recovered after entity repair feed_url={} error={}", feedUrl, strict.getMessage());
                return repaired;
            } catch (JDOMException | IOException again) {
                throw new FeedParseException(feedUrl, strict.getMessage(), strict);
            }
        }
    }

    private static ParsedEntry entry(SyndEntry e, boolean rdf, String base, EntryElements.Raw raw) {
        Date published = e.getPublishedDate() != null ? e.getPublishedDate()
                : e.getUpdatedDate() != null ? e.getUpdatedDate()
                : dublinCoreDate(e);
        Instant when = published != null ? published.toInstant() : raw == null ? null : FeedDates.parse(raw.date());
        return new ParsedEntry(
                blankToNull(guid(e, rdf)),
                Links.resolve(link(e), base),
                raw != null && raw.xhtmlTitle() ? unwrapDiv(e.getTitle()) : e.getTitle(),
                html(e),
                when,
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

    /**
     * ROME takes an RSS item's permalink guid as its link when it has none, even a guid that is no URL (permalink is
     * the default); only a guid that is a web URL may stand in for the link.
     */
    private static String link(SyndEntry e) {
        if (e.getWireEntry() instanceof Item item && blankToNull(item.getLink()) == null) {
            Guid g = item.getGuid();
            String value = g == null || !g.isPermaLink() ? null : blankToNull(g.getValue());
            return value != null && WEB_URL.matcher(value).lookingAt() ? value : null;
        }
        return e.getLink();
    }

    /** An Atom XHTML title without the {@code <div>} the format wraps it in. */
    private static String unwrapDiv(String title) {
        return title == null ? null : XHTML_DIV.matcher(title).replaceFirst("$1");
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
