package dev.newsmon.common.json;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSerdeTest {
    private final JsonSerde<Alert> alerts = JsonSerde.of(Alert.class);

    @Test
    void alertsRoundTripWithSnakeCaseFieldsAndLowerCaseKind() {
        Alert alert = new Alert(Alert.SCHEMA_VERSION, Alert.Kind.COPY, "s-1", "i-2", "https://a.example/x", "Title",
                "Lakeside Ledger", "https://a.example/rss", null, Instant.parse("2026-11-26T10:00:00Z"),
                Instant.parse("2026-11-26T10:00:02Z"), List.of("space-station"),
                Map.of("space-station", List.of(new TagMatch("named-station",
                        List.of(new MatchedTerm("title", "ISS", 0, 3))))), 0.875, "i-1", "v1",
                Map.of("space-station", new TagRelevance(0.8, 0.5,
                        List.of(new Evidence("named-station", Evidence.LEAD, 2, 0.8)), "named-station in the lead")), "ru",
                "A Harbor Point crew boarded the ISS.");
        byte[] bytes = alerts.serializer().serialize("news.alerts", alert);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"kind\":\"copy\""), json);
        assertTrue(json.contains("\"story_id\":\"s-1\""), json);
        assertTrue(json.contains("\"fetched\":\"2026-11-26T10:00:00Z\""), json);
        assertTrue(json.contains("\"language\":\"ru\""), json);
        assertTrue(json.contains("\"text\":\"A Harbor Point crew boarded the ISS.\""), json);
        assertEquals(alert, alerts.deserializer().deserialize("news.alerts", bytes));
    }

    @Test
    void anAlertWrittenBeforeAboutnessReadsWithNoRelevance() {
        String json = "{\"schema_version\":1,\"kind\":\"story\",\"story_id\":\"s-1\",\"item_id\":\"i-1\","
                + "\"title\":\"t\",\"feed_url\":\"file:/f.xml\",\"fetched\":\"2026-11-26T10:00:00Z\","
                + "\"alerted\":\"2026-11-26T10:00:01Z\",\"tags\":[\"space-station\"],\"matches\":{},"
                + "\"rules_version\":\"v1\"}";
        Alert alert = alerts.deserializer().deserialize("news.alerts", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("space-station"), alert.tags());
        assertEquals(Map.of(), alert.relevance());
        assertNull(alert.language(), "an alert written before languages has none");
    }

    @Test
    void unknownFieldsFromANewerWriterAreIgnored() {
        String json = "{\"schema_version\":2,\"item_id\":\"i\",\"feed_url\":\"file:/f.xml\",\"title\":\"t\","
                + "\"fetched\":\"2026-11-26T10:00:00Z\",\"added_later\":true}";
        FeedItem item = JsonSerde.of(FeedItem.class).deserializer()
                .deserialize("news.items", json.getBytes(StandardCharsets.UTF_8));
        assertEquals("i", item.itemId());
        assertEquals("", item.text(), "absent text reads as empty");
    }

    @Test
    void poisonIsASerializationExceptionNamingTheTopic() {
        SerializationException notJson = assertThrows(SerializationException.class,
                () -> alerts.deserializer().deserialize("news.alerts", "{oops".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notJson.getMessage().contains("news.alerts"), notJson.getMessage());
        assertThrows(SerializationException.class, () -> JsonSerde.of(FeedItem.class).deserializer()
                .deserialize("news.items", "{\"title\":\"no id\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(SerializationException.class,
                () -> alerts.deserializer().deserialize("news.alerts", "null".getBytes(StandardCharsets.UTF_8)));
    }
}
