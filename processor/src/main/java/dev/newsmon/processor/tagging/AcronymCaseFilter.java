package dev.newsmon.processor.tagging;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.Locale;

/**
 * Case folding that keeps acronyms apart: "ISS" is not "iss". A token written in capitals (at least two
 * characters, at least one letter, no lower-case letter; dots as in "U.S." are dropped) is kept upper case and
 * marked as a keyword so that no stemmer touches it. Every other token is lower-cased.
 *
 * <p>When {@code withLowerTwin} is set (indexing), an acronym is followed by its lower-cased form at the same
 * position, so that a lower-case query term matches any case while an upper-case one matches only capitals.
 */
final class AcronymCaseFilter extends TokenFilter {
    private final boolean withLowerTwin;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private State acronymState;
    private String pendingTwin;

    AcronymCaseFilter(TokenStream input, boolean withLowerTwin) {
        super(input);
        this.withLowerTwin = withLowerTwin;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingTwin != null) {
            restoreState(acronymState);
            term.setEmpty().append(pendingTwin);
            keyword.setKeyword(false);
            posInc.setPositionIncrement(0);
            pendingTwin = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String text = term.toString();
        if (isAcronym(text)) {
            String acronym = text.replace(".", "");
            term.setEmpty().append(acronym);
            keyword.setKeyword(true);
            if (withLowerTwin) {
                acronymState = captureState();
                pendingTwin = acronym.toLowerCase(Locale.ROOT);
            }
        } else {
            term.setEmpty().append(text.toLowerCase(Locale.ROOT));
        }
        return true;
    }

    static boolean isAcronym(String text) {
        if (text.length() < 2) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isUpperCase(c);
        }
        return letter;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        acronymState = null;
        pendingTwin = null;
    }
}
