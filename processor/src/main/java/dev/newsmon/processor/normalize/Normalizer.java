package dev.newsmon.processor.normalize;

import dev.newsmon.common.model.FeedItem;

import java.text.Normalizer.Form;
import java.util.regex.Pattern;

/**
 * Puts an item's title and text in one canonical form, so that copies that differ only in Unicode composition or
 * layout whitespace compare equal downstream.
 */
public final class Normalizer {
    // \s alone misses no-break and other Unicode spaces, which feeds use for layout.
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");

    private Normalizer() {
    }

    public static FeedItem normalize(FeedItem item) {
        return new FeedItem(item.schemaVersion(), item.itemId(), item.guid(), item.feedUrl(), item.outlet(),
                item.url(), clean(item.title()), clean(item.text()), item.published(), item.fetched(),
                item.revision(), item.language());
    }

    /** NFC, every run of whitespace as one space, trimmed. */
    public static String clean(String s) {
        String nfc = java.text.Normalizer.normalize(s, Form.NFC);
        return WHITESPACE.matcher(nfc).replaceAll(" ").trim();
    }
}
