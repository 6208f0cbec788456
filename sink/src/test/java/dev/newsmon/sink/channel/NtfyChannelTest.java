package dev.newsmon.sink.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Topics;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ntfy channel against a local HTTP server: its JSON publish, its retries and its dead letter. */
class NtfyChannelTest {
    @Test
    void anAlertIsPublishedAsJsonToTheServerRootNamingTheTopic() throws Exception {
        try (ChannelKit kit = new ChannelKit("ntfy", "/ntfy/desk-alerts", 3)) {
            kit.answer(200);
            kit.alert(ChannelKit.story("i-7"));
            RecordedRequest r = kit.request();
            assertEquals("POST", r.getMethod());
            assertEquals("/ntfy/", r.getTarget(), "JSON is published to the server, not to the topic's URL");
            JsonNode body = ChannelKit.json(r);
            assertEquals("desk-alerts", body.get("topic").asText());
            assertEquals("[desk] Cargo ship <docks> at the station", body.get("title").asText());
            assertEquals("https://tidewater.example/dock", body.get("click").asText());
            assertEquals("[\"russia\",\"space-station\"]", body.get("tags").toString());
            String message = body.get("message").asText();
            assertTrue(message.contains("Outlets: Tidewater Gazette"), message);
            assertTrue(message.contains("Matched: Roscosmos, station"), message);
        }
    }

    @Test
    void aFailingServerIsRetriedAndTheMessageDeadLetteredAfterTheLastAttempt() throws Exception {
        try (ChannelKit kit = new ChannelKit("ntfy", "/desk", 2)) {
            kit.answer(500, 200);
            kit.alert(ChannelKit.story("i-7"));
            assertEquals(2, kit.server.getRequestCount(), "one retry delivers");
            assertTrue(kit.sentTo(Topics.DLQ_CHANNELS).isEmpty());

            kit.answer(503, 503);
            kit.alert(ChannelKit.story("i-8"));
            assertEquals(4, kit.server.getRequestCount());
            List<ProducerRecord<byte[], byte[]>> dead = kit.sentTo(Topics.DLQ_CHANNELS);
            assertEquals(1, dead.size());
            assertEquals("ntfy", ChannelKit.header(dead.get(0), "sink"));
            assertEquals("HTTP 503", ChannelKit.header(dead.get(0), "message"));
        }
    }
}
