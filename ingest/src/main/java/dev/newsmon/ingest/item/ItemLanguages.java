package dev.newsmon.ingest.item;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.newsmon.common.model.FeedItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Detects the language of items whose feed declares none, with Lingua: the one class that knows it.
 *
 * <p>Lingua is restricted to the languages a Russia–US news monitor meets, in its low-accuracy mode (trigram
 * models only): about 10 MB of heap and a few seconds to load on the first detection, where all of its languages in
 * high accuracy take gigabytes. Nothing loads while every feed declares its language. Only the start of an item is
 * read: the title and enough text to tell one language from another.
 */
public final class ItemLanguages {
    /** Languages told apart; text in another one is given the closest of them, or none. */
    static final List<Language> LANGUAGES = List.of(Language.ENGLISH, Language.RUSSIAN, Language.UKRAINIAN,
            Language.BELARUSIAN, Language.KAZAKH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
            Language.ITALIAN, Language.POLISH, Language.CHINESE, Language.JAPANESE);
    /** The start of an item read: detection time grows with the text, and its accuracy stops growing long before. */
    private static final int MAX_CHARS = 240;
    /** Below this many letters a guess is no better than none. */
    private static final int MIN_LETTERS = 12;

    private ItemLanguages() {
    }

    /** The items, each without a language given one if it can be told. */
    public static List<FeedItem> detectMissing(List<FeedItem> items) {
        List<FeedItem> out = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            out.add(item.language() != null ? item : item.withLanguage(detect(item.title(), item.text())));
        }
        return out;
    }

    /** The ISO 639-1 code of the language of the title and text, or null if it cannot be told. */
    static String detect(String title, String text) {
        String sample = sample(title, text);
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return null;
        }
        Language language = Detector.INSTANCE.detectLanguageOf(sample);
        return language == Language.UNKNOWN ? null : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private static String sample(String title, String text) {
        String joined = text.isEmpty() ? title : title + ". " + text;
        return joined.length() <= MAX_CHARS ? joined : joined.substring(0, MAX_CHARS);
    }

    /** Built on first use, so that a run whose feeds all declare their language never loads a model. */
    private static final class Detector {
        static final LanguageDetector INSTANCE = LanguageDetectorBuilder
                .fromLanguages(LANGUAGES.toArray(Language[]::new))
                .withLowAccuracyMode()
                .build();
    }
}
