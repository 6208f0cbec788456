package dev.newsmon.ingest.parse;

/**
 * Removes the document type declaration from a feed's bytes. Old RSS 0.91 feeds carry one that names Netscape's
 * long-gone DTD, and hostile ones declare entities in an internal subset. Removing it, rather than letting the XML
 * parser process it, means no DTD is ever read and no declared entity ever expands: a reference to one is then an
 * undeclared entity, which fails the parse.
 *
 * <p>Works on ASCII-compatible encodings (UTF-8, ISO-8859-x, windows-125x), byte by byte; in UTF-16 the
 * declaration is not found and the parser refuses it instead.
 */
final class Doctype {
    private static final byte[] MARK = {'<', '!', 'd', 'o', 'c', 't', 'y', 'p', 'e'};

    private Doctype() {
    }

    /** The bytes without their DOCTYPE declaration, internal subset included; the same array if there is none. */
    static byte[] strip(byte[] body) {
        int start = markBefore(body, rootElement(body));
        if (start < 0) {
            return body;
        }
        int end = declarationEnd(body, start + MARK.length);
        if (end < 0) {
            return body;
        }
        byte[] out = new byte[body.length - (end - start)];
        System.arraycopy(body, 0, out, 0, start);
        System.arraycopy(body, end, out, start, body.length - end);
        return out;
    }

    /**
     * Where the first element starts, or the length if none does: only the prolog before it may hold the
     * declaration, and the same text inside an entry is content.
     */
    private static int rootElement(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '<' && b[i + 1] != '?' && b[i + 1] != '!') {
                return i;
            }
        }
        return b.length;
    }

    /** The first {@code <!doctype}, in any case, that starts before {@code limit}; -1 if none. */
    private static int markBefore(byte[] b, int limit) {
        for (int i = 0; i < limit && i + MARK.length <= b.length; i++) {
            if (b[i] == '<' && matchesMark(b, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesMark(byte[] b, int at) {
        for (int k = 0; k < MARK.length; k++) {
            byte c = b[at + k];
            if (c != MARK[k] && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == MARK[k])) {
                return false;
            }
        }
        return true;
    }

    /** Index just past the closing '>', skipping quoted literals, comments and the bracketed internal subset; -1 if none. */
    private static int declarationEnd(byte[] b, int from) {
        byte quote = 0;
        int depth = 0;
        for (int i = from; i < b.length; i++) {
            byte c = b[i];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (startsComment(b, i)) {
                int close = commentEnd(b, i + 4);
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

    private static boolean startsComment(byte[] b, int i) {
        return i + 3 < b.length && b[i] == '<' && b[i + 1] == '!' && b[i + 2] == '-' && b[i + 3] == '-';
    }

    /** Index of the {@code -->} at or after {@code from}; -1 if none. */
    private static int commentEnd(byte[] b, int from) {
        for (int i = from; i + 2 < b.length; i++) {
            if (b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '>') {
                return i;
            }
        }
        return -1;
    }
}
