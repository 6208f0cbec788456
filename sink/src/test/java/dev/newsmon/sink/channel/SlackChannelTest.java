package dev.newsmon.sink.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Slack-compatible channel against a local HTTP server: its payload, its retries and its dead letter. */
class SlackChannelTest {
    @Test
    void anAlertIsOneMessageWithTheHeadlineAsALinkTagsOutletsAndMatchedTerms() throws Exception {
        try (ChannelKit kit = new ChannelKit("slack", "/hooks/desk-token", 3)) {
            kit.answer(200);
            kit.alert(ChannelKit.story("i-7"));
            RecordedRequest r = kit.request();
            assertEquals("POST", r.getMethod());
            assertEquals("/hooks/desk-token", r.getTarget());
            assertEquals("application/json", r.getHeaders().get("Content-Type"));
            JsonNode body = ChannelKit.json(r);
            assertEquals(1, body.size(), "only text, which Slack, Mattermost and Rocket.Chat all read: " + body);
            assertEquals("""
                    *New story* <https://tidewater.example/dock|Cargo ship &lt;docks&gt; at the station>
                    Tags: russia, space-station
                    Outlets: Tidewater Gazette
                    Matched: "Roscosmos", "station"
                    _desk_""", body.get("text").asText());
            List<ProducerRecord<byte[], byte[]>> deliveries = kit.sentTo(Topics.DELIVERIES);
            assertEquals(1, deliveries.size());
            assertEquals("desk/i-7#0-slack", new String(deliveries.get(0).key(), StandardCharsets.UTF_8));

            kit.alert(ChannelKit.story("i-7"));
            assertEquals(1, kit.server.getRequestCount(), "a message delivered once is not sent again");
        }
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffUntilItTakesTheMessage() throws Exception {
        try (ChannelKit kit = new ChannelKit("slack", "/hooks/desk", 4)) {
            kit.answer(500, 503, 429, 200);
            kit.alert(ChannelKit.story("i-7"));
            assertEquals(4, kit.server.getRequestCount());
            assertEquals(1, kit.registry.get("newsmon.channels.messages").tag("outcome", "sent").counter().count());
            assertTrue(kit.sentTo(Topics.DLQ_CHANNELS).isEmpty(), "nothing dead-lettered");
        }
    }

    @Test
    void aMessageStillRefusedAfterTheLastAttemptGoesToTheDeadLetterTopic() throws Exception {
        try (ChannelKit kit = new ChannelKit("slack", "/hooks/desk", 3)) {
            kit.answer(502, 502, 502);
            kit.alert(ChannelKit.story("i-7"));
            assertEquals(3, kit.server.getRequestCount());
            List<ProducerRecord<byte[], byte[]>> dead = kit.sentTo(Topics.DLQ_CHANNELS);
            assertEquals(1, dead.size());
            ProducerRecord<byte[], byte[]> d = dead.get(0);
            assertEquals("desk/i-7#0-slack", new String(d.key(), StandardCharsets.UTF_8));
            assertEquals("slack", ChannelKit.header(d, "sink"));
            assertEquals("3", ChannelKit.header(d, "attempts"));
            assertEquals("HTTP 502", ChannelKit.header(d, "message"));
            assertEquals("desk", ChannelKit.header(d, "subscription"));
            assertEquals("Cargo ship <docks> at the station",
                    Json.mapper().readTree(d.value()).get("title").asText(), "the message itself, to send again");
            assertEquals(1, kit.sentTo(Topics.DELIVERIES).size(), "handled: a restart does not try it again");
        }
    }

    @Test
    void aReceiverThatRefusesTheMessageIsNotRetried() throws Exception {
        try (ChannelKit kit = new ChannelKit("slack", "/hooks/desk", 5)) {
            kit.answer(404);
            kit.alert(ChannelKit.story("i-7"));
            assertEquals(1, kit.server.getRequestCount());
            assertEquals("1", ChannelKit.header(kit.sentTo(Topics.DLQ_CHANNELS).get(0), "attempts"));
        }
    }
}
