package dev.newsmon.ingest.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.CacheHints;
import dev.newsmon.ingest.fetch.Conditional;
import dev.newsmon.ingest.schedule.FeedState;
import dev.newsmon.ingest.schedule.PollPolicy;
import dev.newsmon.ingest.schedule.Scheduler;
import dev.newsmon.common.config.NewsmonConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** news.feed-status as consumers see it: each message validates against schemas/feed-status.schema.json. */
class FeedStatusContractTest {
    private static final Path SCHEMAS = Path.of("..", "schemas").toAbsolutePath().normalize();
    private static final Instant T0 = Instant.parse("2027-02-01T09:00:00Z");
    private static final FeedSource FEED = new FeedSource("https://lantern-quay.example/feed.xml", "Lantern Quay");

    @Test
    void statusesAfterARecoveredReadAndAFailureValidateAndNameEveryField() throws Exception {
        Scheduler scheduler = new Scheduler(PollPolicy.from(NewsmonConfig.defaults()));
        scheduler.add(FEED, T0);
        scheduler.due(T0, s -> true);
        FeedState recovered = scheduler.succeeded(FEED.url(), T0, 200, new Conditional("\"q1\"", null), null, null,
                CacheHints.NONE, 4, true).orElseThrow();
        scheduler.due(recovered.nextPoll(), s -> true);
        FeedState failed = scheduler.failed(FEED.url(), recovered.nextPoll(), 503, null, "HTTP status 503")
                .orElseThrow();

        JsonSchema schema = schema();
        JsonNode properties = Json.mapper().readTree(SCHEMAS.resolve("feed-status.schema.json").toFile())
                .get("properties");
        for (FeedState state : List.of(recovered, failed)) {
            byte[] bytes = JsonSerde.of(FeedStatus.class).serializer()
                    .serialize("news.feed-status", StatusPublisher.status(state, 2));
            JsonNode json = Json.mapper().readTree(bytes);
            assertEquals(List.of(), List.copyOf(schema.validate(json)), json::toString);
            json.fieldNames().forEachRemaining(f -> assertTrue(properties.has(f), "the schema names " + f));
            assertTrue(json.get("recovered").asBoolean(), "a failure keeps what the last body was");
        }
        JsonNode bad = Json.mapper().readTree("{\"schema_version\":1,\"feed_url\":\"u\",\"fetch_url\":\"u\","
                + "\"http_status\":200,\"consecutive_errors\":0,\"items_seen\":0,\"items_produced\":0,"
                + "\"disabled\":false,\"recovered\":\"yes\"}");
        assertFalse(schema.validate(bad).isEmpty(), "the schema refuses a recovered that is no boolean");
    }

    private static JsonSchema schema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.schemaMappers(
                        m -> m.mapPrefix("https://newsmon.dev/schemas/", SCHEMAS.toUri().toString())))
                .getSchema(SchemaLocation.of("https://newsmon.dev/schemas/feed-status.schema.json"), config);
    }
}
