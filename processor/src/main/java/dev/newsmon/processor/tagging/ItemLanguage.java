package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;

import java.util.Locale;

/**
 * The language an item is reported under: its {@code language} field (as the feed declared it, or as ingest
 * detected it) when it has one. Items archived before that field existed, and the labelled corpus, carry none; for
 * them it is told from the script, the way the tagger reads them: {@code ru} when most of the letters are Cyrillic
 * (those words get the Russian analysis, see {@link CyrillicFilter}), {@code en} otherwise.
 */
final class ItemLanguage {
    static final String RUSSIAN = "ru";
    static final String ENGLISH = "en";

    private ItemLanguage() {
    }

    static String of(FeedItem item) {
        String declared = item.language();
        if (declared != null && !declared.isBlank()) {
            return declared.strip().toLowerCase(Locale.ROOT);
        }
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
