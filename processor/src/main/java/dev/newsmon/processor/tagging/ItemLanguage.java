package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;

/**
 * The language an item is analysed in, for reporting: {@code ru} when most of its letters are Cyrillic (its words
 * get the Russian analysis, see {@link CyrillicFilter}), {@code en} otherwise (Latin-script words get the English
 * one). It is told from the script, not detected: an item in Ukrainian counts as {@code ru} and one in German as
 * {@code en}, because that is how the tagger reads them.
 */
final class ItemLanguage {
    static final String RUSSIAN = "ru";
    static final String ENGLISH = "en";

    private ItemLanguage() {
    }

    static String of(FeedItem item) {
        int balance = cyrillicMinusOther(item.title()) + cyrillicMinusOther(item.text());
        return balance > 0 ? RUSSIAN : ENGLISH;
    }

    private static int cyrillicMinusOther(String s) {
        int balance = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                balance += CyrillicFilter.isCyrillic(c) ? 1 : -1;
            }
        }
        return balance;
    }
}
