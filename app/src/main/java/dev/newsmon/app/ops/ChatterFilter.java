package dev.newsmon.app.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

import java.util.List;

/**
 * Keeps the libraries' warnings off the console once a log file takes them. The Kafka clients warn of states they
 * retry by themselves (a topic that is being created, a coordinator that moves, an advisory on a config), and
 * Micrometer of meters it cannot register; a person reading the console takes each for a failure of newsmon.
 * Their errors still reach the console, and newsmon's own lines are never held back.
 */
public final class ChatterFilter extends Filter<ILoggingEvent> {
    private static final List<String> CHATTY = List.of("org.apache.kafka", "kafka", "io.micrometer");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return !event.getLevel().isGreaterOrEqual(Level.ERROR) && isChatty(event.getLoggerName())
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    static boolean isChatty(String logger) {
        return CHATTY.stream().anyMatch(p -> logger.equals(p) || logger.startsWith(p + "."));
    }
}
