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
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom bodies with ROME. Thread-safe.
 *
 * <p>The body's charset is found as XML over HTTP prescribes ({@link XmlDecoder}: BOM, Content-Type charset, XML
 * declaration), passing over a header charset that cannot be right. A DOCTYPE declaration is cut from the bytes and
 * DTD processing is off, so no DTD is read, no entity a feed declares is expanded and no external entity can make the
 * parser read a local file or a URL. A body the strict XML parser refuses is read again leniently, entity names
 * repaired first and then by {@link LenientXml}, and the feed is marked {@link ParsedFeed#recovered()}. Relative
 * links resolve against {@code xml:base} (entry, channel, root) or else the feed URL.
 */
public final class FeedParser {
    private static final Logger LOG = LoggerFactory.getLogger(FeedParser.class);
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
            entries.add(entry(syndEntries.get(i), rdf, r == null ? raw.feedBase() : r.base(), r,
                    raw.feedLanguage()));
        }
        return new ParsedFeed(blankToNull(feed.getTitle()), Links.resolve(feed.getLink(), raw.feedBase()), entries,
                ttl(feed), read.recovered());
    }

    private static Duration ttl(SyndFeed feed) {
        return feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0
                ? Duration.ofMinutes(channel.getTtl()) : null;
    }

    /** What ROME made of the document, what newsmon read from it beside ROME, and whether the body was ill-formed. */
    private record Read(EntryElements raw, SyndFeed feed, boolean recovered) {
    }

    /**
     * The XML document; the strict parser's complaint when it was not well-formed (null when it was); and whether the
     * lenient reading left out an entry cut short.
     */
    private record Parsed(Document doc, Exception strictError, boolean droppedEntries) {
        boolean recovered() {
            return strictError != null;
        }
    }

    private static Read read(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(feedUrl, "empty body");
        }
        XmlDecoder.Decoded decoded = XmlDecoder.decode(Doctype.strip(body), contentType);
        String text = decoded.text();
        String trimmed = text.stripLeading();
        // Blank lines before the XML declaration make the body ill-formed, though nothing else minds them.
        boolean blankBeforeDeclaration = trimmed.length() != text.length() && trimmed.startsWith("<?xml");
        String xml = NamespaceSpaces.trim(trimmed);
        Parsed parsed = document(xml, feedUrl);
        Read read;
        try {
            read = build(parsed.doc(), feedUrl,
                    parsed.recovered() || blankBeforeDeclaration || !decoded.wellFormed());
        } catch (FeedParseException e) {
            if (!parsed.recovered()) {
                throw e;
            }
            throw strictError(parsed, feedUrl, e.getMessage());
        }
        if (parsed.droppedEntries() && read.feed().getEntries().isEmpty()) {
            // It had entries, and none is whole: the body is as broken as the strict parser said, and reported so.
            throw strictError(parsed, feedUrl, "no complete entry");
        }
        return read;
    }

    /** The strict parser's complaint, for a body the lenient reading made no feed of either. */
    private static FeedParseException strictError(Parsed parsed, String feedUrl, String lenient) {
        return new FeedParseException(feedUrl, parsed.strictError().getMessage() + " (read leniently: " + lenient
                + ")", parsed.strictError());
    }

    private static Read build(Document doc, String feedUrl, boolean recovered) throws FeedParseException {
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
            return new Read(raw, input.build(doc), recovered);
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

    /**
     * The strict parse first. When it fails: the strict parse again with HTML entities and bare ampersands repaired,
     * which keeps the document exactly as written otherwise; then the lenient reading, which takes what is left.
     * If neither gives a document, the strict parse's error is the one reported.
     */
    private static Parsed document(String xml, String feedUrl) throws FeedParseException {
        try {
            return new Parsed(SafeXml.read(xml), null, false);
        } catch (JDOMException | IOException strict) {
            try {
                Document repaired = SafeXml.read(EntityRepair.repair(xml));
                LOG.debug("feed recovered after entity repair feed_url={} error={}", feedUrl, strict.getMessage());
                return new Parsed(repaired, strict, false);
            } catch (JDOMException | IOException again) {
                LenientXml.Read lenient = LenientXml.read(xml);
                if (lenient == null) {
                    throw new FeedParseException(feedUrl, strict.getMessage(), strict);
                }
                LOG.debug("feed read leniently feed_url={} error={}", feedUrl, strict.getMessage());
                return new Parsed(lenient.doc(), strict, lenient.droppedEntries());
            }
        }
    }

    private static ParsedEntry entry(SyndEntry e, boolean rdf, String base, EntryElements.Raw raw,
                                     String feedLanguage) {
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
                author(e),
                raw == null ? feedLanguage : raw.language());
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
