package dev.newsmon.ingest.parse;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.ArrayList;
import java.util.List;

/**
 * What ROME drops from the XML but newsmon needs: each entry's base URI ({@code xml:base} on the root, channel and
 * entry, resolved in turn against the feed URL), its language ({@code xml:lang}, or a {@code language} child as RSS
 * and Dublin Core write it, on the entry, else the channel, else the root), its date as written, and whether its
 * Atom title is XHTML. Entries come in document order, as ROME gives them.
 */
final class EntryElements {
    private static final List<String> DATE_ELEMENTS =
            List.of("pubDate", "published", "issued", "date", "created", "updated", "modified");

    /** One entry's raw facts; {@code language} is an ISO 639-1 code, or null. */
    record Raw(String base, String date, boolean xhtmlTitle, String language) {
    }

    private final String feedBase;
    private final String feedLanguage;
    private final List<Raw> entries;

    private EntryElements(String feedBase, String feedLanguage, List<Raw> entries) {
        this.feedBase = feedBase;
        this.feedLanguage = feedLanguage;
        this.entries = entries;
    }

    static EntryElements of(Document doc, String feedUrl) {
        Element root = doc.getRootElement();
        String rootBase = base(root, feedUrl);
        String rootLanguage = language(root, null);
        List<Raw> raws = new ArrayList<>();
        String feedBase = rootBase;
        String feedLanguage = rootLanguage;
        if (root.getName().equals("feed")) {
            collect(root, rootBase, rootLanguage, "entry", raws);
        } else {
            List<Element> channels = children(root, "channel");
            // RSS 1.0 items are the channel's siblings, yet in its language.
            feedLanguage = channels.isEmpty() ? rootLanguage : language(channels.get(0), rootLanguage);
            collect(root, rootBase, feedLanguage, "item", raws);
            for (Element channel : channels) {
                feedBase = base(channel, rootBase);
                collect(channel, feedBase, language(channel, rootLanguage), "item", raws);
            }
        }
        return new EntryElements(feedBase, feedLanguage, raws);
    }

    /** The base against which the feed's own links resolve. */
    String feedBase() {
        return feedBase;
    }

    /** The ISO 639-1 code of the language the feed declares for all its entries, or null. */
    String feedLanguage() {
        return feedLanguage;
    }

    /** The raw facts of the i-th entry, or null if the document has fewer entries than ROME read. */
    Raw entry(int i) {
        return i < entries.size() ? entries.get(i) : null;
    }

    private static void collect(Element parent, String parentBase, String parentLanguage, String name,
                                List<Raw> out) {
        for (Element e : children(parent, name)) {
            Element title = child(e, "title");
            out.add(new Raw(base(e, parentBase), date(e),
                    title != null && "xhtml".equals(title.getAttributeValue("type")), language(e, parentLanguage)));
        }
    }

    /** The language the element declares, else the one it inherits. */
    private static String language(Element e, String inherited) {
        String declared = LanguageTags.iso639_1(e.getAttributeValue("lang", Namespace.XML_NAMESPACE));
        if (declared == null) {
            Element child = child(e, "language");
            declared = child == null ? null : LanguageTags.iso639_1(child.getTextTrim());
        }
        return declared != null ? declared : inherited;
    }

    private static String date(Element entry) {
        for (String name : DATE_ELEMENTS) {
            Element d = child(entry, name);
            if (d != null && !d.getTextTrim().isEmpty()) {
                return d.getTextTrim();
            }
        }
        return null;
    }

    private static String base(Element e, String parentBase) {
        String xmlBase = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
        return xmlBase == null || xmlBase.isBlank() ? parentBase : Links.resolve(xmlBase.strip(), parentBase);
    }

    private static List<Element> children(Element parent, String localName) {
        return parent.getChildren().stream().filter(c -> c.getName().equals(localName)).toList();
    }

    private static Element child(Element parent, String localName) {
        for (Element c : parent.getChildren()) {
            if (c.getName().equals(localName)) {
                return c;
            }
        }
        return null;
    }
}
