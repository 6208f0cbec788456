package dev.newsmon.ingest.parse;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class NamespaceSpacesTest {
    /** Pieces that often make a declaration with spaces, and the characters that stop one. */
    private static final List<String> PIECES = List.of(" xmlns", "\txmlns:dc", "\nxmlns:a.b-c", "xmlns", " ", "  ",
            "=", " = ", "=\"", "= ' ", "\"", "'", " \"", "\" ", "<", ">", "<rss", "/>", "urn:x",
            " http://purl.org/dc/elements/1.1/", "$1", "\\", ":", "é");

    @Test
    void trimsSpacesAroundNamespaceNames() {
        assertEquals("<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns='urn:x'>",
                NamespaceSpaces.trim("<rss xmlns:dc = \" http://purl.org/dc/elements/1.1/ \" xmlns= ' urn:x'>"));
    }

    @Test
    void returnsTheSameTextWhenNothingChanges() {
        String xml = "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel/></rss>";
        assertSame(xml, NamespaceSpaces.trim(xml));
    }

    @Test
    void agreesWithTheRegexOverTheWholeText() {
        Random r = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder s = new StringBuilder();
            int pieces = 1 + r.nextInt(24);
            for (int i = 0; i < pieces; i++) {
                s.append(PIECES.get(r.nextInt(PIECES.size())));
            }
            String xml = s.toString();
            assertEquals(NamespaceSpaces.DECLARATION.matcher(xml).replaceAll("$1=$2$3$2"), NamespaceSpaces.trim(xml),
                    xml);
        }
    }
}
