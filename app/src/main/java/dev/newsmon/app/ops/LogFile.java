package dev.newsmon.app.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The log file of a command that runs services: {@code data.dir/newsmon.log} gets every line, with thread and full
 * logger names, and the console keeps newsmon's own lines and every error (see {@link ChatterFilter}). A long run
 * keeps the file and three older ones of at most 10 MB each.
 */
public final class LogFile {
    public static final String NAME = "newsmon.log";
    private static final String APPENDER = "newsmon-log-file";
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n";
    private static final FileSize MAX_SIZE = FileSize.valueOf("10MB");
    private static final int OLD_FILES = 3;

    private LogFile() {
    }

    /** Opens {@code data.dir/newsmon.log} and returns its path. */
    public static Path open(NewsmonConfig config) throws ConfigException {
        Path file = config.get(Settings.DATA_DIR).resolve(NAME);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ConfigException(Settings.DATA_DIR.key() + "=" + config.get(Settings.DATA_DIR)
                    + ": cannot create the folder of " + NAME + ": " + e.getMessage());
        }
        open(file, LoggerFactory.getILoggerFactory());
        return file;
    }

    /** Filters the root logger's appenders (the console), then adds the file to them, replacing one opened before. */
    static void open(Path file, ILoggerFactory loggers) {
        if (!(loggers instanceof LoggerContext context)) {
            return; // another SLF4J binding keeps its own configuration
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> previous = root.getAppender(APPENDER);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> console = it.next();
            if (console.getCopyOfAttachedFiltersList().stream().noneMatch(ChatterFilter.class::isInstance)) {
                console.addFilter(new ChatterFilter());
            }
        }
        root.addAppender(appender(context, file.toAbsolutePath().toString()));
    }

    private static Appender<ILoggingEvent> appender(LoggerContext context, String file) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.replaceFirst("\\.log$", "") + ".%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(OLD_FILES);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(MAX_SIZE);
        trigger.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
