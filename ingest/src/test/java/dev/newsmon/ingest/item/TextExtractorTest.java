package dev.newsmon.ingest.item;

import org.junit.jupiter.api.Test;

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
}
