package dev.newsmon.processor.normalize;

import dev.newsmon.common.model.FeedItem;

import java.text.Normalizer.Form;

/**
 * Puts an item's title and text in one canonical form, so that copies that differ only in Unicode composition or
 * layout whitespace compare equal downstream. Every item passes here, most of them already clean, so the common
 * case is one scan that allocates nothing.
 */
public final class Normalizer {
    // Below the first combining mark every character is its own NFC form.
    private static final char FIRST_COMBINING = '\u0300';

    private Normalizer() {
    }

    public static FeedItem normalize(FeedItem item) {
        return new FeedItem(item.schemaVersion(), item.itemId(), item.guid(), item.feedUrl(), item.outlet(),
                item.url(), clean(item.title()), clean(item.text()), item.published(), item.fetched(),
                item.revision(), item.language());
    }

    /** NFC, every run of whitespace (Unicode spaces, zero-width space and BOM too) as one space, trimmed. */
    public static String clean(String s) {
        String nfc = mayNeedComposition(s) ? java.text.Normalizer.normalize(s, Form.NFC) : s;
        return isCollapsed(nfc) ? nfc : collapse(nfc);
    }

    // \s alone misses no-break and other Unicode spaces, which feeds use for layout.
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    private static boolean mayNeedComposition(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= FIRST_COMBINING) {
                return true;
            }
        }
        return false;
    }

    /** True when the only whitespace is single plain spaces between words, and no end has what trim() drops. */
    private static boolean isCollapsed(String s) {
        if (!s.isEmpty() && (s.charAt(0) <= ' ' || s.charAt(s.length() - 1) <= ' ')) {
            return false;
        }
        boolean previousSpace = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (isSpace(c)) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return true;
    }

    private static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        // trim() also drops the control characters below the space that feeds leave at either end.
        return out.toString().trim();
    }
}
