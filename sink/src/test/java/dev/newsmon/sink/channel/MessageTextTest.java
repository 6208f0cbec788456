package dev.newsmon.sink.channel;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.subscription.Digest;
import dev.newsmon.common.subscription.DigestSchedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How email and ntfy show a message: subject, plain text and escaped HTML. */
class MessageTextTest {
    private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void anAlertIsAHeadlineLinkWithItsTagsOutletsAndTermsAndHtmlIsEscaped() {
        ChannelMessage m = ChannelMessages.alert("desk", ChannelKit.story("i-7"));
        assertEquals("[desk] Cargo ship <docks> at the station", MessageText.subject(m));
        assertEquals("""
                Cargo ship <docks> at the station
                https://tidewater.example/dock
                Tags: russia, space-station
                Outlets: Tidewater Gazette
                Matched: Roscosmos, station
                """, MessageText.plain(m));
        String html = MessageText.html(m);
        assertTrue(html.contains("<a href=\"https://tidewater.example/dock\">Cargo ship &lt;docks&gt; at the"
                + " station</a>"), html);
        assertTrue(html.contains("<li>Tags: russia, space-station</li>"), html);
    }

    @Test
    void aTermMatchedInTitleAndTextIsListedOnceWhateverItsCase() {
        Alert a = ChannelKit.story("i-7");
        Alert twice = new Alert(a.schemaVersion(), a.kind(), a.storyId(), a.itemId(), a.url(), a.title(), a.outlet(),
                a.feedUrl(), a.published(), a.fetched(), a.alerted(), a.tags(), Map.of("space-station", List.of(
                new TagMatch("named-station", List.of(new MatchedTerm("title", "Space Station", 0, 13),
                        new MatchedTerm("text", "space station", 40, 53), new MatchedTerm("text", "ISS", 60, 63))))),
                null, null, "test", Map.of(), null, null);
        assertEquals(List.of("ISS", "Space Station"), ChannelMessages.alert("desk", twice).terms());
    }

    @Test
    void aDigestListsEachStoryWithItsOutletsAndTimes() {
        Digest d = new Digest(Digest.SCHEMA_VERSION, Digest.id("morning", TEN), "morning", DigestSchedule.HOURLY, TEN,
                TEN.plusSeconds(3600), List.of(new Digest.Entry("s-1", "Cargo craft docks", "https://a.example/1",
                List.of("Tidewater Gazette", "Harbor City Post"), TEN.plusSeconds(300), TEN.plusSeconds(1200))));
        ChannelMessage m = ChannelMessages.digest(d);
        assertEquals("morning@2026-03-02T10:00:00Z", m.id());
        assertEquals("<morning.2026-03-02T10.00.00Z@newsmon>", EmailChannel.messageId(m));
        assertEquals("""
                hourly digest, 2026-03-02 10:00 to 2026-03-02 11:00 UTC: 1 story

                - Cargo craft docks
                  https://a.example/1
                  Tidewater Gazette, Harbor City Post; first 2026-03-02 10:05 UTC, latest 2026-03-02 10:20 UTC
                """, MessageText.plain(m));
        assertTrue(MessageText.html(m).contains("<li><a href=\"https://a.example/1\">Cargo craft docks</a><br>"),
                MessageText.html(m));
    }
}
