package dev.newsmon.processor.tagging;

import org.apache.lucene.queryparser.classic.ParseException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A query that does not parse is explained in one line, without the grammar's list of expected tokens. */
class RuleQueryParserTest {
    @Test
    void anUnclosedParenthesisSaysTheQueryEndsTooSoon() {
        assertEquals("the query ends too soon: an unclosed parenthesis or quote?", reason("foo AND (bar"));
    }

    @Test
    void anUnclosedQuoteSaysTheQueryEndsTooSoon() {
        assertEquals("the query ends too soon: an unclosed parenthesis or quote?", reason("\"foo bar"));
    }

    @Test
    void aStrayTokenIsNamedWithItsColumn() {
        assertEquals("unexpected ')' at character 5", reason("nasa)"));
    }

    @Test
    void anyOtherReasonIsOneLineWithoutTheExpectedTokens() {
        String reason = reason("!!!");
        assertFalse(reason.contains("\n") || reason.contains("Was expecting"), reason);
    }

    private static String reason(String query) {
        return RuleQueryParser.describe(assertThrows(ParseException.class, () -> RuleQueryParser.parse(query)));
    }
}
