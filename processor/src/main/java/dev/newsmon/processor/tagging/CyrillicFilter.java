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
 * ("станция", "станции", "станцию"). Acronyms, which {@link AcronymCaseFilter} marks as keywords, are folded but
 * never stemmed: "НАСА" stays apart from "нас".
 *
 * <p>Tokens in any other script pass untouched, so one rule may hold English and Russian words, and English
 * analysis is exactly what it was. Everything happens in the term's own buffer: no allocation per token.
 */
final class CyrillicFilter extends TokenFilter {
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
            term.setLength(stemmer.stem(buffer, length));
        }
        return true;
    }

    /** The Cyrillic block: Russian, and the letters of the other languages written in it. */
    static boolean isCyrillic(char c) {
        return c >= '\u0400' && c <= '\u04FF';
    }
}
