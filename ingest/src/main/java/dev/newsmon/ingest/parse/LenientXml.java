package dev.newsmon.ingest.parse;

import org.jdom2.Attribute;
import org.jdom2.CDATA;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.IllegalDataException;
import org.jdom2.IllegalNameException;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jdom2.Verifier;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the strict XML parser refuses, as feedparser's "bozo" mode does: jsoup's XML parser takes the text as it
 * comes (junk before the root, a stray {@code &}, an entity nobody declared, a tag closed by the wrong name, a body cut
 * off mid-entry), and its tree is rebuilt as the JDOM document ROME reads.
 *
 * <p>Only complete entries are kept: an {@code item} or {@code entry} whose end tag never came (the body was cut off)
 * is dropped, since its fields may be cut short too. An element closed by another one's end tag ends before its
 * first child element, which becomes its sibling: {@code <title>x</titel><link>} keeps the link. Nothing is ever
 * expanded or loaded: jsoup knows no DTD, leaves an unknown entity as its text, and a DOCTYPE is a node skipped here.
 */
final class LenientXml {
    private static final Set<String> ENTRIES = Set.of("item", "entry");
    private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "RDF");
    /** Deeper elements are dropped: no feed nests this far, and the walk is recursive. */
    private static final int MAX_DEPTH = 200;
    private static final String XMLNS = "xmlns";

    private LenientXml() {
    }

    /** What the lenient reading made of a text: the document, and whether it left out an entry cut short. */
    record Read(Document doc, boolean droppedEntries) {
    }

    /** The text's document, or null when the text holds no element at all. */
    static Read read(String xml) {
        org.jsoup.nodes.Document parsed = Parser.xmlParser().setTrackPosition(true).parseInput(xml, "");
        Elements all = parsed.getAllElements();
        // Junk before the feed may hold elements of its own (an HTML error page's head, a stray <br> that, never
        // closed, holds the whole feed).
        org.jsoup.nodes.Element root = all.stream().skip(1).filter(e -> FEED_ROOTS.contains(localName(e)))
                .findFirst().orElse(parsed.children().first());
        if (root == null) {
            return null;
        }
        Element converted = element(root, Map.of("xml", Namespace.XML_NAMESPACE.getURI()), 0);
        return converted == null ? null : new Read(new Document(converted),
                all.stream().anyMatch(e -> ENTRIES.contains(localName(e)) && !closed(e)));
    }

    private static Element element(org.jsoup.nodes.Element source, Map<String, String> outer, int depth) {
        Map<String, String> scope = scope(source, outer);
        String name = source.tagName();
        int colon = name.indexOf(':');
        String prefix = colon < 0 ? "" : name.substring(0, colon);
        String local = name.substring(colon + 1);
        Element out;
        try {
            out = new Element(local, namespace(prefix, scope));
        } catch (IllegalNameException e) {
            return null;
        }
        declare(out, scope, outer);
        attributes(source, out, scope);
        if (depth < MAX_DEPTH) {
            children(source, out, scope, depth);
        }
        return out;
    }

    private static void children(org.jsoup.nodes.Element source, Element out, Map<String, String> scope, int depth) {
        for (Node child : source.childNodes()) {
            if (child instanceof CDataNode cdata) {
                out.addContent(new CDATA(legal(cdata.text())));
            } else if (child instanceof TextNode text) {
                out.addContent(new Text(legal(text.getWholeText())));
            } else if (child instanceof org.jsoup.nodes.Element e) {
                if (ENTRIES.contains(localName(e)) && !closed(e)) {
                    continue;
                }
                Element converted = element(e, scope, depth + 1);
                if (converted == null) {
                    continue;
                }
                out.addContent(converted);
                if (!closed(e) && !e.ownText().isBlank()) {
                    hoist(converted, out);
                }
            }
        }
    }

    /** Moves the child elements of an element left unclosed to after it: its end tag was misspelt. */
    private static void hoist(Element unclosed, Element parent) {
        List<Element> kids = List.copyOf(unclosed.getChildren());
        for (Element kid : kids) {
            kid.detach();
            parent.addContent(kid);
        }
    }

    private static boolean closed(org.jsoup.nodes.Element e) {
        return !e.endSourceRange().isImplicit();
    }

    private static String localName(org.jsoup.nodes.Element e) {
        String name = e.tagName();
        return name.substring(name.indexOf(':') + 1);
    }

    /** The prefixes in scope at this element: the outer ones and the element's own xmlns declarations. */
    private static Map<String, String> scope(org.jsoup.nodes.Element source, Map<String, String> outer) {
        Map<String, String> scope = null;
        for (org.jsoup.nodes.Attribute a : source.attributes()) {
            String key = a.getKey();
            if (key.equals(XMLNS) || key.startsWith(XMLNS + ":")) {
                if (scope == null) {
                    scope = new HashMap<>(outer);
                }
                scope.put(key.equals(XMLNS) ? "" : key.substring(XMLNS.length() + 1), a.getValue().strip());
            }
        }
        return scope == null ? outer : scope;
    }

    /** The namespace of a prefix; one nobody declared stands for itself, so its elements are no RSS or Atom ones. */
    private static Namespace namespace(String prefix, Map<String, String> scope) {
        String uri = scope.get(prefix);
        if (uri == null || uri.isEmpty()) {
            return prefix.isEmpty() ? Namespace.NO_NAMESPACE : Namespace.getNamespace(prefix, "urn:undeclared:" + prefix);
        }
        return Namespace.getNamespace(prefix, uri);
    }

    /** The declarations made at this element, which ROME reads from the root to tell RSS 1.0 from 0.90. */
    private static void declare(Element out, Map<String, String> scope, Map<String, String> outer) {
        if (scope == outer) {
            return;
        }
        scope.forEach((prefix, uri) -> {
            if (!prefix.isEmpty() && !uri.isEmpty() && !uri.equals(outer.get(prefix))
                    && !prefix.equals(out.getNamespacePrefix())) {
                try {
                    out.addNamespaceDeclaration(Namespace.getNamespace(prefix, uri));
                } catch (IllegalArgumentException e) {
                    // A declaration JDOM refuses (a bad prefix, or one clashing with the element's) only loses
                    // that prefix's elements, which are then no feed elements.
                }
            }
        });
    }

    private static void attributes(org.jsoup.nodes.Element source, Element out, Map<String, String> scope) {
        for (org.jsoup.nodes.Attribute a : source.attributes()) {
            String key = a.getKey();
            if (key.equals(XMLNS) || key.startsWith(XMLNS + ":")) {
                continue;
            }
            int colon = key.indexOf(':');
            String local = key.substring(colon + 1);
            try {
                Namespace ns = colon < 0 ? Namespace.NO_NAMESPACE : namespace(key.substring(0, colon), scope);
                out.setAttribute(new Attribute(local, legal(a.getValue()), ns));
            } catch (IllegalNameException | IllegalDataException e) {
                // An attribute JDOM cannot hold is no attribute a feed reader uses.
            }
        }
    }

    /** The text without the characters XML 1.0 does not allow, which JDOM refuses. */
    private static String legal(String s) {
        if (Verifier.checkCharacterData(s) == null) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Verifier::isXMLCharacter).forEach(out::appendCodePoint);
        return out.toString();
    }
}
