package dev.newsmon.ingest.item;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Plain text of an HTML fragment, as the tagger and the copy detector read it: scripts and styles dropped, entities
 * decoded, whitespace (non-breaking spaces included) collapsed to single spaces, and a space at every block or
 * line-break boundary so that {@code <p>end</p><p>start</p>} does not become "endstart".
 */
public final class TextExtractor {
    private static final Evaluator INVISIBLE =
            QueryParser.parse("script, style, noscript, template, iframe, object, embed, svg");

    private TextExtractor() {
    }

    /** @return the plain text; empty for null or blank input */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (isPlain(html)) {
            // Most titles: an HTML parser would give back the same characters as one text node.
            return collapseSpaces(html);
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
        return collapseSpaces(sb);
    }

    /** No markup, no character reference and no NUL (which the HTML parser drops): text as it stands. */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '&' || c == '\0') {
                return false;
            }
        }
        return true;
    }

    /** Runs of whitespace ({@code \s}, no-break and figure spaces) as one space, then stripped. */
    static String collapseSpaces(CharSequence s) {
        char[] out = new char[s.length()];
        int n = 0;
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                out[n++] = c;
                inSpace = false;
            } else if (!inSpace) {
                out[n++] = ' ';
                inSpace = true;
            }
        }
        return new String(out, 0, n).strip();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0'
                || c == '\u2007' || c == '\u202F';
    }

    private static boolean isBoundary(Node node) {
        return node instanceof Element e && (e.isBlock() || e.normalName().equals("br") || e.normalName().equals("td")
                || e.normalName().equals("th") || e.normalName().equals("li"));
    }
}
