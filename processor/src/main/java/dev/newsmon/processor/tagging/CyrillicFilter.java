package dev.newsmon.processor.tagging;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianLightStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

import java.io.IOException;

/**
 * Russian analysis for the tokens written in Cyrillic, decided per token by its script: {@code ё} is folded to
 * {@code е} (Russian prints the dots or leaves them out at will: "полёт" is "полет"), and a word is reduced to its
 * stem by Lucene's light Russian stemmer, so that the cases and numbers of a noun or adjective are one term
 * ("станция", "станции", "станцию"). That stemmer keeps the dative of the soft nouns ("к модулю", "кораблю"), so a
 * final ю (and a soft sign before it) is taken off its stem too. Acronyms, which {@link AcronymCaseFilter} marks as
 * keywords, are folded but never stemmed: "НАСА" stays apart from "нас".
 *
 * <p>Tokens in any other script pass untouched, so one rule may hold English and Russian words, and English
 * analysis is exactly what it was. Everything happens in the term's own buffer: no allocation per token.
 */
final class CyrillicFilter extends TokenFilter {
    /** Words this short keep their ю: "мою" is no dative. */
    private static final int MIN_STEM = 3;
    private final boolean stem;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final RussianLightStemmer stemmer = new RussianLightStemmer();

    /** @param stem false for wildcard and prefix terms, which are folded but must keep every letter typed */
    CyrillicFilter(TokenStream input, boolean stem) {
        super(input);
        this.stem = stem;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        if (length == 0 || !isCyrillic(buffer[0])) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            if (buffer[i] == 'ё') {
                buffer[i] = 'е';
            } else if (buffer[i] == 'Ё') {
                buffer[i] = 'Е';
            }
        }
        if (stem && !keyword.isKeyword()) {
            term.setLength(softDative(buffer, stemmer.stem(buffer, length)));
        }
        return true;
    }

    /** The stem without a final ю and the soft sign before it: "модулю" is "модул" like "модуля". */
    private static int softDative(char[] buffer, int length) {
        if (length <= MIN_STEM || buffer[length - 1] != 'ю') {
            return length;
        }
        int end = length - 1;
        return buffer[end - 1] == 'ь' && end - 1 >= MIN_STEM ? end - 1 : end;
    }

    /** The Cyrillic block: Russian, and the letters of the other languages written in it. */
    static boolean isCyrillic(char c) {
        return c >= '\u0400' && c <= '\u04FF';
    }
}
