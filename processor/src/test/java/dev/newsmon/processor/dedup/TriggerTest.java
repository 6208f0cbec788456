package dev.newsmon.processor.dedup;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerTest {
    private static Trigger of(String regex) {
        return Trigger.of(regex);
    }

    @Test
    void theBuiltInTextPatternsHaveLiterals() {
        assertEquals(new Trigger(List.of("©", "(c)", "copyright"), true, false),
                of("(?i)(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s*)?[^©]{0,120}?all rights reserved\\.?"));
        assertEquals(List.of("the post "), of("(?i)the post .{1,300}? appeared first on [^.]{1,120}\\.?").literals());
        assertEquals(List.of("contact"),
                of("(?i)\\b(?:media |press )?contacts?:\\s.{0,200}?[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+").literals());
        assertEquals(List.of("читайте также"), of("(?iu)ЧИТАЙТЕ также\\s*:?").literals());
    }

    @Test
    void aLeadingCaretAnchorsUnlessAnAlternativeOrMultiLineModeLetsAMatchStartElsewhere() {
        assertTrue(of("^\\p{Lu}[\\p{Lu} .'-]{1,40}(?:,[^(—–]{1,40}?)?\\s*(?:—|–|--|-)\\s*").anchored());
        assertFalse(of("^DATELINE|WIRE").anchored());
        assertFalse(of("(?m)^DATELINE").anchored());
        assertFalse(of("^?DATELINE").anchored());
        assertTrue(of("(?:^A|^B)").literals().isEmpty());
    }

    @Test
    void whatItCannotReadGivesNoLiterals() {
        assertTrue(of("\\s+(?:\\||—)\\s+\\S+$").literals().isEmpty());
        assertTrue(of("read|more").literals().isEmpty());
        assertTrue(of("(?:read|more)+").literals().isEmpty());
        assertTrue(of("(?:re[a]d|more)").literals().isEmpty());
        assertTrue(of("(?x)read more").literals().isEmpty());
        assertTrue(of("\\Qread\\E").literals().isEmpty());
        assertEquals(List.of("read"), of("reads?").literals());
        assertEquals(List.of("Read"), of("Read(?i)more").literals());
    }

    @Test
    void caseIsIgnoredAsTheRegexIgnoresIt() {
        Trigger kelvin = of("(?iu)kilo");
        String text = "\u212Ailo";
        assertTrue(Pattern.compile("(?iu)kilo").matcher(text).find());
        assertTrue(kelvin.mayMatch(text, Trigger.fold(text)));
        assertFalse(of("(?iu)kilo").mayMatch("kil o", Trigger.fold("kil o")));
        assertFalse(of("Kilo").mayMatch("kilo", Trigger.fold("kilo")));
    }
}
