package dev.newsmon.app.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.Settings;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Locale;

/**
 * Switches the console log to JSON once the configuration is known ({@code log.format=json}, e.g.
 * {@code NEWSMON_LOG_FORMAT=json}): one object per line from {@link JsonLogEncoder}, the message formatted and its
 * context as fields. {@code text} keeps the encoder of logback.xml, whose messages carry key=value pairs.
 */
public final class LogFormat {
    private LogFormat() {
    }

    public static void apply(String format) throws ConfigException {
        apply(format, LoggerFactory.getILoggerFactory());
    }

    static void apply(String format, ILoggerFactory loggers) throws ConfigException {
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new ConfigException(Settings.LOG_FORMAT.key() + " expects text or json, got '" + format + "'");
        }
        if (f.equals("text") || !(loggers instanceof LoggerContext context)) {
            return; // text is logback.xml's own; another SLF4J binding keeps its own configuration
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                appender.stop();
                appender.setEncoder(json(context));
                appender.start();
            }
        }
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonLogEncoder encoder = new JsonLogEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}
