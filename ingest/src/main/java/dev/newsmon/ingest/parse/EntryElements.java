package dev.newsmon.ingest.parse;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.ArrayList;
import java.util.List;

/**
 * What ROME drops from the XML but newsmon needs: each entry's base URI ({@code xml:base} on the root, channel and
 * entry, resolved in turn against the feed URL), its date as written, and whether its Atom title is XHTML.
 * Entries come in document order, as ROME gives them.
 */
final class EntryElements {
    private static final List<String> DATE_ELEMENTS =
            List.of("pubDate", "published", "issued", "date", "created", "updated", "modified");

    /** One entry's raw facts. */
    record Raw(String base, String date, boolean xhtmlTitle) {
    }

    private final String feedBase;
    private final List<Raw> entries;

    private EntryElements(String feedBase, List<Raw> entries) {
        this.feedBase = feedBase;
        this.entries = entries;
    }

    static EntryElements of(Document doc, String feedUrl) {
        Element root = doc.getRootElement();
        String rootBase = base(root, feedUrl);
        List<Raw> raws = new ArrayList<>();
        String feedBase = rootBase;
        if (root.getName().equals("feed")) {
            collect(root, rootBase, "entry", raws);
        } else {
            collect(root, rootBase, "item", raws);
            for (Element channel : children(root, "channel")) {
                feedBase = base(channel, rootBase);
                collect(channel, feedBase, "item", raws);
            }
        }
        return new EntryElements(feedBase, raws);
    }

    /** The base against which the feed's own links resolve. */
    String feedBase() {
        return feedBase;
    }

    /** The raw facts of the i-th entry, or null if the document has fewer entries than ROME read. */
    Raw entry(int i) {
        return i < entries.size() ? entries.get(i) : null;
    }

    private static void collect(Element parent, String parentBase, String name, List<Raw> out) {
        for (Element e : children(parent, name)) {
            Element title = child(e, "title");
            out.add(new Raw(base(e, parentBase), date(e),
                    title != null && "xhtml".equals(title.getAttributeValue("type"))));
        }
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
