package dev.newsmon.ingest.parse;

import com.rometools.rome.io.impl.DateParser;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RomeDatesTest {
    private static final DateTimeFormatter RFC_822_SECONDS =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss", Locale.US);
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.US);
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.US);

    @Test
    void romeReadsTheRewrittenFormAsTheOriginal() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "America/New_York", "Asia/Kolkata")) {
                // SimpleDateFormat fills what the text leaves out from the default zone's calendar.
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                for (String text : samples(new Random(7), 3_000)) {
                    String form = RomeDates.firstMaskForm(text);
                    assertNotNull(form, text);
                    Date original = DateParser.parseDate(text, Locale.US);
                    assertNotNull(original, text);
                    assertEquals(original, DateParser.parseDate(form, Locale.US), text + " as " + form);
                }
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void commonFormsGiveTheirInstant() {
        assertEquals("2026-11-23T09:10:00.000+00:00", RomeDates.firstMaskForm("Mon, 23 Nov 2026 09:10:00 GMT"));
        assertEquals("2026-11-03T09:10:00.000-05:00", RomeDates.firstMaskForm("3 Nov 2026 09:10 -0500"));
        assertEquals("2026-11-23T09:10:00.000+01:00", RomeDates.firstMaskForm("2026-11-23T09:10:00+01:00"));
        assertEquals(Instant.parse("2026-11-23T08:10:00Z"),
                DateParser.parseDate(RomeDates.firstMaskForm("2026-11-23T09:10:00+01:00"), Locale.US).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Tue, 23 Nov 2026 09:10:00 GMT",     // the weekday does not fit the date
            "Mon, 23 Nov 26 09:10:00 GMT",       // two-digit year
            "Mon, 23 Nov 2026 09:10:00 EST",     // a zone name
            "Mon, 23 Nov 2026 24:10:00 GMT",
            "Mon, 31 Nov 2026 09:10:00 GMT",
            "Monday, 23 Nov 2026 09:10:00 GMT",
            "mon, 23 nov 2026 09:10:00 GMT",
            " Mon, 23 Nov 2026 09:10:00 GMT",
            "Mon, 23 Nov 2026 09:10:00 GMT\n",
            "2026-11-23T09:10:00.5Z",           // ROME reads a fraction as milliseconds
            "2026-11-23T09:10Z",
            "2026-11-23t09:10:00Z",
            "2026-11-23",
            "1850-11-23T09:10:00Z",
            "2026-11-23T09:10:00+19:00",
            ""})
    void otherFormsAreLeftToRome(String text) {
        assertNull(RomeDates.firstMaskForm(text));
    }

    @Test
    void onlyTheDatesOfTheFeedAndItsEntriesAreRewritten() throws Exception {
        String xml = """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:x="urn:other">
                <channel><lastBuildDate>Mon, 23 Nov 2026 09:10:00 GMT</lastBuildDate>
                <item><pubDate>Mon, 23 Nov 2026 09:10:00 GMT</pubDate><dc:date>Mon, 23 Nov 2026 09:10:00 GMT</dc:date>
                <x:date>Mon, 23 Nov 2026 09:10:00 GMT</x:date>
                <description><pubDate>Mon, 23 Nov 2026 09:10:00 GMT</pubDate></description></item>
                </channel></rss>""";
        Document doc = SafeXml.read(xml);
        RomeDates.prepare(doc);
        Element channel = doc.getRootElement().getChild("channel");
        Element item = channel.getChild("item");
        String rewritten = "2026-11-23T09:10:00.000+00:00";
        assertEquals(rewritten, channel.getChildText("lastBuildDate"));
        assertEquals(rewritten, item.getChildText("pubDate"));
        assertEquals(rewritten, item.getChildText("date", Namespace.getNamespace("http://purl.org/dc/elements/1.1/")));
        assertEquals("Mon, 23 Nov 2026 09:10:00 GMT", item.getChildText("date", Namespace.getNamespace("urn:other")));
        assertEquals("Mon, 23 Nov 2026 09:10:00 GMT", item.getChild("description").getChildText("pubDate"));
    }

    @Test
    void parsedEntriesKeepTheirDates() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description>
                <item><title>a</title><pubDate>Sat, 29 Feb 2028 23:59:59 +1400</pubDate></item>
                <item><title>b</title><pubDate>Fri, 1 Jan 1999 00:00 -0930</pubDate></item>
                </channel></rss>""";
        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, "https://x.example/rss");
        assertEquals(Instant.parse("2028-02-29T09:59:59Z"), feed.entries().get(0).published());
        assertEquals(Instant.parse("1999-01-01T09:30:00Z"), feed.entries().get(1).published());
    }

    /** Dates in every form handled here, over a wide span of years, offsets and times. */
    private static List<String> samples(Random r, int n) {
        List<String> out = new ArrayList<>();
        List<String> zeroZones = List.of("GMT", "UTC", "UT", "Z", "+0000", "-0000");
        for (int i = 0; i < n; i++) {
            long seconds = Instant.parse("1900-03-01T00:00:00Z").getEpochSecond()
                    + (long) (r.nextDouble() * (Instant.parse("2200-01-01T00:00:00Z").getEpochSecond()
                    - Instant.parse("1900-03-01T00:00:00Z").getEpochSecond()));
            int offsetMinutes = (r.nextInt(37) - 18) * 30 + (r.nextInt(4) == 0 ? 45 : 0);
            offsetMinutes = Math.max(-18 * 60, Math.min(18 * 60, offsetMinutes));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            OffsetDateTime t = Instant.ofEpochSecond(seconds).atOffset(offset);
            String numeric = offset.getId().equals("Z") ? "+0000" : offset.getId().replace(":", "");
            switch (i % 4) {
                case 0 -> out.add(t.format(RFC_822_SECONDS) + " " + numeric);
                case 1 -> out.add(t.withOffsetSameInstant(ZoneOffset.UTC).format(RFC_822_SECONDS) + " "
                        + zeroZones.get(r.nextInt(zeroZones.size())));
                case 2 -> out.add(t.format(DAY_FIRST) + " " + numeric);
                default -> out.add(t.format(W3C) + (offset.getTotalSeconds() == 0 && r.nextBoolean() ? "Z"
                        : offset.getId().equals("Z") ? "+00:00" : offset.getId()));
            }
        }
        return out;
    }
}
