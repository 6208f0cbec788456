package dev.newsmon.app.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.newsmon.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        consoleAppenders().forEach(a -> assertInstanceOf(JsonEncoder.class, a.getEncoder()));
    }

    @Test
    void anUnknownFormatNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> LogFormat.apply("xml"));
        assertTrue(e.getMessage().startsWith("log.format expects text or json"), e.getMessage());
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
