package dev.newsmon.processor.tagging;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis for news text: standard tokens, possessives removed ("NASA's" is "NASA"), accents folded, lower case
 * except for acronyms, and plurals reduced ("stations" is "station"). Words in Cyrillic are Russian: folded and
 * stemmed as Russian ({@link CyrillicFilter}), their acronyms kept apart by the same case rule ("НАСА" is not
 * "нас"). No filter changes offsets, so hits point at the exact characters of the item.
 *
 * <p>Documents and queries need different flavours of the acronym rule: a document's "ISS" is indexed both as
 * {@code ISS} and {@code iss}, while a query's "ISS" must stay only {@code ISS} (the index flavour would turn it
 * into "ISS or iss" and match the lower-case word too). Use {@link #forDocuments()} for the monitor and
 * {@link #forQueries()} for the query parser.
 */
public final class NewsAnalyzer extends Analyzer {
    private final boolean document;

    private NewsAnalyzer(boolean document) {
        this.document = document;
    }

    /** The flavour that indexes items: acronyms in both cases. */
    public static NewsAnalyzer forDocuments() {
        return new NewsAnalyzer(true);
    }

    /** The flavour that analyses query text: acronyms only as written. */
    public static NewsAnalyzer forQueries() {
        return new NewsAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new AcronymCaseFilter(stream, document);
        stream = new EnglishMinimalStemFilter(stream);
        stream = new CyrillicFilter(stream, true);
        return new TokenStreamComponents(source, stream);
    }

    /**
     * Keeps the title apart from what follows it in the fields that hold two values ({@link ItemFields#ALL},
     * {@link ItemFields#HEAD}).
     */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return ItemFields.ALL.equals(fieldName) || ItemFields.HEAD.equals(fieldName) ? ItemFields.POSITION_GAP : 0;
    }

    /**
     * Wildcard and prefix terms are not tokenized or stemmed, but they are folded like any other term. A Russian
     * prefix is compared with stems, so it must not be longer than the stem of the words it is to match.
     */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new CyrillicFilter(new AcronymCaseFilter(new ASCIIFoldingFilter(in), false), false);
    }
}
