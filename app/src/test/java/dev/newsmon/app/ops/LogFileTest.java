package dev.newsmon.app.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a log file open, the console keeps newsmon's lines and every error; the file keeps everything. */
class LogFileTest {
    @TempDir
    Path dir;

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theClientsWarningsGoToTheFileAndNewsmonsLinesAndErrorsToBoth() throws IOException {
        console();
        Path file = dir.resolve("data").resolve(LogFile.NAME);
        Files.createDirectories(file.getParent());
        LogFile.open(file, context);

        log("org.apache.kafka.clients.NetworkClient", Level.WARN, "UNKNOWN_TOPIC_OR_PARTITION");
        log("org.apache.kafka.streams.StreamsConfig", Level.WARN, "processing handler not enabled for GlobalThread");
        log("io.micrometer.core.instrument.MeterRegistry", Level.WARN, "already registered");
        log("kafka.utils.Log4jControllerRegistration$", Level.WARN, "scala chatter");
        log("dev.newsmon.ingest.IngestService", Level.WARN, "feed failed feed_url=x");
        log("dev.newsmon.app.cli.Lifecycle", Level.INFO, "stopped cleanly");
        log("org.apache.kafka.clients.producer.internals.Sender", Level.ERROR, "a real problem");
        context.stop();

        List<String> shown = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("WARN dev.newsmon.ingest.IngestService feed failed feed_url=x",
                "INFO dev.newsmon.app.cli.Lifecycle stopped cleanly",
                "ERROR org.apache.kafka.clients.producer.internals.Sender a real problem"), shown);
        String logged = Files.readString(file);
        for (String message : List.of("UNKNOWN_TOPIC_OR_PARTITION", "GlobalThread", "already registered",
                "scala chatter", "feed failed", "stopped cleanly", "a real problem")) {
            assertTrue(logged.contains(message), message + " missing from the file:\n" + logged);
        }
        assertTrue(logged.contains("WARN  [main] org.apache.kafka.clients.NetworkClient - "), logged);
    }

    @Test
    void openingAgainMovesToTheNewFileAndFiltersTheConsoleOnce() throws IOException {
        console();
        Path first = dir.resolve("first.log");
        Path second = dir.resolve("second.log");
        LogFile.open(first, context);
        LogFile.open(second, context);
        log("dev.newsmon.x", Level.INFO, "after the second open");
        int consoleFilters = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console")
                .getCopyOfAttachedFiltersList().size();
        context.stop();

        assertEquals("", Files.readString(first));
        assertTrue(Files.readString(second).contains("after the second open"));
        assertEquals(1, consoleFilters);
    }

    private void console() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setOutputStream(console);
        appender.setContext(context);
        appender.setName("console");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger %msg%n");
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }

    private void log(String logger, Level level, String message) {
        ch.qos.logback.classic.Logger l = context.getLogger(logger);
        switch (level.levelInt) {
            case Level.ERROR_INT -> l.error(message);
            case Level.WARN_INT -> l.warn(message);
            default -> l.info(message);
        }
    }
}
