package dev.newsmon.app.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsmon.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFormatTest {
    private final Map<OutputStreamAppender<ILoggingEvent>, Encoder<ILoggingEvent>> configured = new HashMap<>();

    @BeforeEach
    void rememberTheConfiguredEncoders() {
        consoleAppenders().forEach(a -> configured.put(a, a.getEncoder()));
    }

    @AfterEach
    void restoreThem() {
        configured.forEach((appender, encoder) -> {
            appender.stop();
            appender.setEncoder(encoder);
            appender.start();
        });
    }

    @Test
    void textKeepsTheConfiguredEncoderAndJsonSwitchesToTheJsonEncoder() throws ConfigException {
        LogFormat.apply("text");
        assertFalse(configured.isEmpty());
        configured.forEach((appender, encoder) -> assertSame(encoder, appender.getEncoder()));
        LogFormat.apply("JSON");
        consoleAppenders().forEach(a -> assertInstanceOf(JsonLogEncoder.class, a.getEncoder()));
    }

    @Test
    void jsonLinesOfTheShippedConfigHaveTheFormattedMessageAndItsContextAsTopLevelFields() throws Exception {
        List<JsonNode> lines = logThroughTheShippedConfig(log -> {
            log.warn("feed failed feed_url={} stage={} status={} consecutive_errors={}",
                    "https://news.example.org/rss.xml", "fetch", 503, 2L);
            log.warn("poison record on topic={} partition={} offset={}: {}; sent to {}", "news.items", 4, 1207L,
                    "not JSON", "news.dlq", new IllegalStateException("bad bytes"));
            try (MDC.MDCCloseable ignored = MDC.putCloseable("item_id", "it-9")) {
                log.atInfo().addKeyValue("story_id", "st-1").log("copy opens the cluster bands={}/{}", 3, 8);
            }
        });
        assertEquals(3, lines.size(), "one JSON object per line: " + lines);

        JsonNode feed = lines.get(0);
        assertEquals("feed failed feed_url=https://news.example.org/rss.xml stage=fetch status=503 "
                + "consecutive_errors=2", feed.path("message").asText());
        assertEquals("https://news.example.org/rss.xml", feed.path("feed_url").asText());
        assertEquals(503, feed.path("status").asInt());
        assertTrue(feed.path("status").isNumber() && feed.path("consecutive_errors").isNumber(), feed.toString());
        assertEquals("WARN", feed.path("level").asText());
        assertFalse(feed.has("arguments"), "values are fields, not an array beside the template");

        JsonNode poison = lines.get(1);
        assertEquals("poison record on topic=news.items partition=4 offset=1207: not JSON; sent to news.dlq",
                poison.path("message").asText());
        assertEquals("news.items", poison.path("topic").asText());
        assertEquals(4, poison.path("partition").asInt());
        assertEquals(1207L, poison.path("offset").asLong());
        assertTrue(poison.path("stack_trace").asText().contains("bad bytes"), poison.toString());

        JsonNode copy = lines.get(2);
        assertEquals("copy opens the cluster bands=3/8", copy.path("message").asText());
        assertEquals("it-9", copy.path("item_id").asText(), "MDC entries are top-level fields");
        assertEquals("st-1", copy.path("story_id").asText(), "SLF4J key-value pairs are top-level fields");
        assertEquals(3, copy.path("bands").asInt(), "only the placeholder right after key= names a field");
    }

    @Test
    void onlyUnescapedPlaceholdersCountAndOnlyThoseAfterAKeyAreNamed() {
        assertEquals(Arrays.asList("feed_url", null, "bands", null),
                JsonLogEncoder.MessageContextFields.placeholderKeys("x feed_url={} y {} \\{} bands={}/{}"));
    }

    @Test
    void anUnknownFormatNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> LogFormat.apply("xml"));
        assertTrue(e.getMessage().startsWith("log.format expects text or json"), e.getMessage());
    }

    /** Logs through a fresh context configured by the shipped logback.xml and switched to JSON, as a service does. */
    private static List<JsonNode> logThroughTheShippedConfig(Consumer<Logger> body)
            throws JoranException, ConfigException, IOException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormat.class.getResource("/logback.xml"));
        LogFormat.apply("json", context);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            body.accept(context.getLogger("dev.newsmon.ingest.IngestService"));
        } finally {
            System.setErr(stderr);
            context.stop();
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private static List<OutputStreamAppender<ILoggingEvent>> consoleAppenders() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<OutputStreamAppender<ILoggingEvent>> out = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(a -> {
            if (a instanceof OutputStreamAppender<ILoggingEvent> o) {
                out.add(o);
            }
        });
        return out;
    }
}
