package dev.newsmon.processor.tagging;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NewsAnalyzerTest {

    /** term@position[start,end) for every token. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(term + "@" + pos + "[" + offset.startOffset() + "," + offset.endOffset() + ")");
            }
            ts.end();
        }
        return out;
    }

    @Test
    void documentAcronymIsIndexedInBothCasesAtOnePosition() throws IOException {
        assertEquals(List.of("the@0[0,3)", "ISS@1[4,7)", "iss@1[4,7)", "crew@2[8,12)"),
                tokens(NewsAnalyzer.forDocuments(), "The ISS crew"));
    }

    @Test
    void queryAcronymStaysUpperCaseOnly() throws IOException {
        assertEquals(List.of("ISS@0[0,3)", "iss@1[4,7)", "iss@2[8,11)"),
                tokens(NewsAnalyzer.forQueries(), "ISS iss Iss"));
    }

    @Test
    void singleCapitalAndMixedCaseAreNotAcronyms() throws IOException {
        assertEquals(List.of("a@0[0,1)", "nasa@1[2,6)", "spacex@2[7,13)"),
                tokens(NewsAnalyzer.forDocuments(), "A Nasa SpaceX"));
    }

    @Test
    void dottedAcronymLosesItsDotsButKeepsItsOffsets() throws IOException {
        assertEquals(List.of("US@0[0,3)", "us@0[0,3)", "crew@1[5,9)"),
                tokens(NewsAnalyzer.forDocuments(), "U.S. crew"));
    }

    @Test
    void possessiveIsRemovedWhileTheHitCoversTheWholeWord() throws IOException {
        assertEquals(List.of("NASA@0[0,6)", "nasa@0[0,6)", "station@1[7,16)", "module@2[17,24)"),
                tokens(NewsAnalyzer.forDocuments(), "NASA's station’s modules"));
    }

    @Test
    void accentsAreFoldedAndPluralsReduced() throws IOException {
        assertEquals(List.of("cosmonaut@0[0,10)", "roscosmo@1[11,20)", "crew@2[21,26)"),
                tokens(NewsAnalyzer.forDocuments(), "Cosmonauts Roscosmos crews"));
        assertEquals(List.of("energia@0[0,7)", "cafe@1[8,12)"),
                tokens(NewsAnalyzer.forDocuments(), "Énergia café"));
    }

    @Test
    void queryParserKeepsAcronymsAndFoldsOtherTerms() throws Exception {
        Query upper = RuleQueryParser.parse("ISS");
        assertEquals("all:ISS", upper.toString());
        Query lower = RuleQueryParser.parse("Stations AND \"NASA astronauts\"~3");
        assertEquals("+all:station +all:\"NASA astronaut\"~3", lower.toString());
        assertEquals("all:cosmonaut*", RuleQueryParser.parse("Cosmonaut*").toString());
        assertEquals("title:ISS", RuleQueryParser.parse("title:ISS").toString());
    }

    @Test
    void russianCasesAndNumbersOfAWordAreOneTerm() throws IOException {
        assertEquals(List.of("станц@0[0,7)", "станц@1[8,15)", "станц@2[16,24)", "космонавт@3[25,36)",
                        "союз@4[38,43)"),
                tokens(NewsAnalyzer.forDocuments(), "Станция станции станцией космонавтов «Союза»"));
    }

    @Test
    void theDativeOfSoftNounsHasTheStemOfTheirOtherCases() throws IOException {
        assertEquals(tokens(NewsAnalyzer.forDocuments(), "модуля корабля ночи").stream().map(t -> t.split("@")[0])
                        .toList(),
                tokens(NewsAnalyzer.forDocuments(), "модулю кораблю ночью").stream().map(t -> t.split("@")[0])
                        .toList());
    }

    @Test
    void russianYoIsFoldedToYe() throws Exception {
        assertEquals(tokens(NewsAnalyzer.forDocuments(), "перекрестные полеты"),
                tokens(NewsAnalyzer.forDocuments(), "перекрёстные полёты"));
        assertEquals("all:полет*", RuleQueryParser.parse("полёт*").toString());
    }

    /** "НАСА" in capitals is the agency, "нас" the pronoun ("us"): the acronym rule keeps them apart. */
    @Test
    void russianAcronymsAreKeptAsWrittenAndNeverStemmed() throws Exception {
        assertEquals(List.of("НАСА@0[0,4)", "нас@0[0,4)", "нас@1[5,8)", "МКС@2[9,12)", "мкс@2[9,12)"),
                tokens(NewsAnalyzer.forDocuments(), "НАСА нас МКС"));
        assertEquals("all:НАСА", RuleQueryParser.parse("НАСА").toString());
        assertEquals(List.of("нас@0[0,3)"), tokens(NewsAnalyzer.forQueries(), "нас"));
    }

    /** One rule may hold words of both languages; each is analysed by the rules of its own script. */
    @Test
    void englishAndRussianWordsInOneTextAreEachAnalysedByTheirScript() throws IOException {
        assertEquals(List.of("station@0[0,8)", "станц@1[9,16)", "ISS@2[17,20)", "iss@2[17,20)", "МКС@3[21,24)",
                        "мкс@3[21,24)"),
                tokens(NewsAnalyzer.forDocuments(), "stations станции ISS МКС"));
    }

    @Test
    void titleAndTextAreFarApartInTheFieldOfBoth() {
        assertEquals(ItemFields.POSITION_GAP, NewsAnalyzer.forDocuments().getPositionIncrementGap(ItemFields.ALL));
        assertEquals(0, NewsAnalyzer.forDocuments().getPositionIncrementGap(ItemFields.TITLE));
    }
}
