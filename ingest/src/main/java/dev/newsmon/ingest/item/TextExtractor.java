package dev.newsmon.ingest.item;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.regex.Pattern;

/**
 * Plain text of an HTML fragment, as the tagger and the copy detector read it: scripts and styles dropped, entities
 * decoded, whitespace (non-breaking spaces included) collapsed to single spaces, and a space at every block or
 * line-break boundary so that {@code <p>end</p><p>start</p>} does not become "endstart".
 */
public final class TextExtractor {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final String INVISIBLE = "script, style, noscript, template, iframe, object, embed, svg";

    private TextExtractor() {
    }

    /** @return the plain text; empty for null or blank input */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(INVISIBLE).remove();
        StringBuilder sb = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    sb.append(text.getWholeText());
                } else if (isBoundary(node)) {
                    sb.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (isBoundary(node)) {
                    sb.append(' ');
                }
            }
        }, body);
        return SPACES.matcher(sb).replaceAll(" ").strip();
    }

    private static boolean isBoundary(Node node) {
        return node instanceof Element e && (e.isBlock() || e.normalName().equals("br") || e.normalName().equals("td")
                || e.normalName().equals("th") || e.normalName().equals("li"));
    }
}
