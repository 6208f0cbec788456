package dev.newsmon.app.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.newsmon.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFormatTest {
    @AfterEach
    void backToText() throws ConfigException {
        LogFormat.apply("text");
    }

    @Test
    void jsonSwitchesEveryConsoleAppenderToTheJsonEncoder() throws ConfigException {
        LogFormat.apply("JSON");
        List<OutputStreamAppender<ILoggingEvent>> appenders = consoleAppenders();
        assertFalse(appenders.isEmpty());
        appenders.forEach(a -> assertInstanceOf(JsonEncoder.class, a.getEncoder()));
        LogFormat.apply("text");
        consoleAppenders().forEach(a -> assertInstanceOf(PatternLayoutEncoder.class, a.getEncoder()));
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
