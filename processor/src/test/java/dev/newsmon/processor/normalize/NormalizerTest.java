package dev.newsmon.processor.normalize;

import dev.newsmon.common.model.FeedItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class NormalizerTest {
    @Test
    void composesCollapsesAndTrims() {
        // "e" + combining acute, a no-break space, a tab and a paragraph break.
        FeedItem raw = new FeedItem(FeedItem.SCHEMA_VERSION, "id-1", null, "https://a.example/feed", "A",
                null, "  Caf\u0065\u0301\u00A0talk ", "First\tline.\n\nSecond  line.\u2003", null,
                Instant.parse("2026-03-03T08:00:00Z"));

        FeedItem clean = Normalizer.normalize(raw);

        assertEquals("Caf\u00e9 talk", clean.title());
        assertEquals("First line. Second line.", clean.text());
        assertEquals(raw.itemId(), clean.itemId());
        assertEquals(raw.fetched(), clean.fetched());
    }

    @Test
    void agreesWithTheRegularExpressionItReplaces() {
        Pattern whitespace = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");
        char[] alphabet = {'a', 'Z', '.', ' ', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003', '\u2028',
                '\u2029', '\u200B', '\uFEFF', '\u001C', '\u0301', 'e', '\u00e9', '\u0416', '\u0435', '\u0308'};
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String in = s.toString();
            String expected = whitespace.matcher(java.text.Normalizer.normalize(in, java.text.Normalizer.Form.NFC))
                    .replaceAll(" ").trim();
            assertEquals(expected, Normalizer.clean(in), () -> "input " + in.chars()
                    .mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }

    @Test
    void returnsACleanStringItself() {
        String clean = "Already clean: one space between words.";
        assertSame(clean, Normalizer.clean(clean));
    }
}
