package dev.newsmon.ingest.parse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class DoctypeTest {
    private static final List<String> PIECES = List.of("<!DOCTYPE rss", "<!doctype", "<!DocType x", " PUBLIC ",
            "\"-//Netscape//DTD//EN\"", "'", "\"", "[", "]", "<!ENTITY e 'v'>", "<!-- a -->", "<!--", "-->", ">",
            "<?xml version=\"1.0\"?>", "<rss>", "</rss>", "<", "<!", "<?", "\n", " ", "é", "\u00c4", "x", "&e;");

    @Test
    void removesTheDeclarationAndItsInternalSubset() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY e \"]>\">]><rss>&e;</rss>";
        assertEquals("<?xml version=\"1.0\"?>\n<rss>&e;</rss>",
                new String(Doctype.strip(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    @Test
    void leavesADeclarationInsideTheDocument() {
        byte[] body = "<rss><!DOCTYPE x></rss>".getBytes(StandardCharsets.UTF_8);
        assertSame(body, Doctype.strip(body));
    }

    @Test
    void agreesWithTheTextScanItReplaced() {
        Random r = new Random(13);
        for (int n = 0; n < 50_000; n++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pieces = 1 + r.nextInt(14);
            for (int i = 0; i < pieces; i++) {
                out.writeBytes(PIECES.get(r.nextInt(PIECES.size())).getBytes(n % 3 == 0
                        ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            }
            byte[] body = out.toByteArray();
            assertArrayEquals(TextScan.strip(body), Doctype.strip(body), new String(body, StandardCharsets.UTF_8));
        }
    }

    /** The earlier implementation, over the body decoded as ISO-8859-1 and lower-cased whole. */
    private static final class TextScan {
        static byte[] strip(byte[] body) {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            int start = text.toLowerCase(Locale.ROOT).indexOf("<!doctype");
            if (start < 0 || !beforeRootElement(text, start)) {
                return body;
            }
            int end = declarationEnd(text, start + "<!doctype".length());
            if (end < 0) {
                return body;
            }
            byte[] out = new byte[body.length - (end - start)];
            System.arraycopy(body, 0, out, 0, start);
            System.arraycopy(body, end, out, start, body.length - end);
            return out;
        }

        private static boolean beforeRootElement(String text, int at) {
            int i = 0;
            while ((i = text.indexOf('<', i)) >= 0 && i < at) {
                if (i + 1 < text.length() && text.charAt(i + 1) != '?' && text.charAt(i + 1) != '!') {
                    return false;
                }
                i++;
            }
            return true;
        }

        private static int declarationEnd(String text, int from) {
            char quote = 0;
            int depth = 0;
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (text.startsWith("<!--", i)) {
                    int close = text.indexOf("-->", i + 4);
                    if (close < 0) {
                        return -1;
                    }
                    i = close + 2;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                } else if (c == '>' && depth <= 0) {
                    return i + 1;
                }
            }
            return -1;
        }
    }
}
