package dev.newsmon.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Removes the document type declaration from a feed's bytes. Old RSS 0.91 feeds carry one that names Netscape's
 * long-gone DTD, and hostile ones declare entities in an internal subset. Removing it, rather than letting the XML
 * parser process it, means no DTD is ever read and no declared entity ever expands: a reference to one is then an
 * undeclared entity, which fails the parse.
 *
 * <p>Works on ASCII-compatible encodings (UTF-8, ISO-8859-x, windows-125x); in UTF-16 the declaration is not found
 * and the parser refuses it instead.
 */
final class Doctype {
    private static final String MARK = "<!doctype";

    private Doctype() {
    }

    /** The bytes without their DOCTYPE declaration, internal subset included; the same array if there is none. */
    static byte[] strip(byte[] body) {
        // ISO-8859-1 maps each byte to one char, so char indexes are byte indexes.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int start = text.toLowerCase(Locale.ROOT).indexOf(MARK);
        if (start < 0 || !beforeRootElement(text, start)) {
            return body;
        }
        int end = declarationEnd(text, start + MARK.length());
        if (end < 0) {
            return body;
        }
        byte[] out = new byte[body.length - (end - start)];
        System.arraycopy(body, 0, out, 0, start);
        System.arraycopy(body, end, out, start, body.length - end);
        return out;
    }

    /** Only the prolog may hold the declaration; the same text inside an entry is content. */
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

    /** Index just past the closing '>', skipping quoted literals, comments and the bracketed internal subset; -1 if none. */
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
