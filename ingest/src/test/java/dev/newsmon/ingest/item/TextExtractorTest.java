package dev.newsmon.ingest.item;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextExtractorTest {

    @Test
    void dropsScriptsAndStyles() {
        assertEquals("Docking went well.", TextExtractor.plainText(
                "<style>p{color:red}</style><p>Docking went well.</p><script>alert('x')</script>"));
    }

    @Test
    void decodesEntities() {
        assertEquals("Russia & the US agree — \"for now\" é", TextExtractor.plainText(
                "Russia &amp; the US agree &mdash; &quot;for now&quot; &eacute;"));
    }

    @Test
    void collapsesWhitespaceIncludingNonBreakingSpaces() {
        assertEquals("one two three", TextExtractor.plainText("  one\n\t two&nbsp;&nbsp;three  "));
    }

    @Test
    void blockBoundariesKeepWordsApart() {
        assertEquals("end start item one item two left right a b",
                TextExtractor.plainText("<p>end</p><p>start</p><ul><li>item one</li><li>item two</li></ul>"
                        + "<table><tr><td>left</td><td>right</td></tr></table>a<br>b"));
    }

    @Test
    void inlineElementsDoNotSplitWords() {
        assertEquals("spacewalk", TextExtractor.plainText("space<b>walk</b>"));
    }

    @Test
    void plainTextPassesThrough() {
        assertEquals("ISS crew returns", TextExtractor.plainText("ISS crew returns"));
    }

    @Test
    void nullAndBlankGiveEmpty() {
        assertEquals("", TextExtractor.plainText(null));
        assertEquals("", TextExtractor.plainText(" \n "));
    }

    @Test
    void sameTextAsTheHtmlParserAndRegexGave() {
        List<String> pieces = List.of("ISS", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2007", "\u202F", "\u2003",
                "\u3000", "\u000B", "\f", "\u001F", "é", "—", "\uD83D\uDE80", "crew", "<p>", "</p>", "<br>", "<b>",
                "</b>", "&amp;", "&nbsp;", "&", "&eacute", "<", ">", "<script>x</script>", "<li>", "\0", "\"", "'");
        Random r = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int count = 1 + r.nextInt(12);
            for (int i = 0; i < count; i++) {
                String piece = pieces.get(r.nextInt(pieces.size()));
                // Half the texts without markup, the path most titles take.
                s.append(n % 2 == 0 && (piece.contains("<") || piece.contains("&") || piece.contains("\0"))
                        ? "x" : piece);
            }
            String html = s.toString();
            assertEquals(throughParser(html), TextExtractor.plainText(html), html);
        }
    }

    /** Every text through jsoup and a whitespace regex, as TextExtractor did for all of them. */
    private static String throughParser(String html) {
        if (html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("script, style, noscript, template, iframe, object, embed, svg").remove();
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    sb.append(text.getWholeText());
                } else if (boundary(node)) {
                    sb.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (boundary(node)) {
                    sb.append(' ');
                }
            }
        }, body);
        return Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+").matcher(sb).replaceAll(" ").strip();
    }

    private static boolean boundary(Node node) {
        return node instanceof Element e && (e.isBlock() || List.of("br", "td", "th", "li").contains(e.normalName()));
    }
}
