package dev.newsmon.app.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import net.logstash.logback.composite.AbstractJsonProvider;
import net.logstash.logback.encoder.LogstashEncoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON object per log line for a log pipeline (Loki, Elasticsearch): logstash-logback-encoder's fields
 * ({@code @timestamp}, {@code level}, {@code logger_name}, {@code thread_name}, the formatted {@code message},
 * {@code stack_trace}), MDC entries and SLF4J key-value pairs as top-level keys, and the context that newsmon's
 * messages carry as {@code key={}} (feed_url, item_id, story_id, topic, partition, offset, ...) as top-level keys
 * too, each with the value of its placeholder: numbers as JSON numbers.
 */
public final class JsonLogEncoder extends LogstashEncoder {
    public JsonLogEncoder() {
        addProvider(new MessageContextFields());
    }

    /** The {@code key={}} pairs of a message template, keyed by the argument that fills each placeholder. */
    static final class MessageContextFields extends AbstractJsonProvider<ILoggingEvent> {
        private static final Pattern PLACEHOLDER = Pattern.compile("(?:([a-z][a-z0-9_]*)=)?(\\\\)?\\{}");
        /** The encoder's own fields, which a message's context must not shadow. */
        private static final Set<String> RESERVED = Set.of("message", "level", "level_value", "logger_name",
                "thread_name", "stack_trace", "@timestamp", "@version");

        @Override
        public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
            Object[] args = event.getArgumentArray();
            if (args == null || event.getMessage() == null) {
                return;
            }
            Set<String> taken = new HashSet<>(event.getMDCPropertyMap().keySet());
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs().forEach(kv -> taken.add(kv.key));
            }
            List<String> keys = placeholderKeys(event.getMessage());
            for (int i = 0; i < Math.min(keys.size(), args.length); i++) {
                String key = keys.get(i);
                if (key == null || RESERVED.contains(key) || !taken.add(key)) {
                    continue;
                }
                Object value = args[i];
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    generator.writeNumberField(key, ((Number) value).longValue());
                } else if (value instanceof Boolean b) {
                    generator.writeBooleanField(key, b);
                } else {
                    generator.writeStringField(key, String.valueOf(value));
                }
            }
        }

        /** For each unescaped {@code {}} in order, the key written right before it, or null where there is none. */
        static List<String> placeholderKeys(String template) {
            List<String> keys = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                if (m.group(2) == null) {
                    keys.add(m.group(1));
                }
            }
            return keys;
        }
    }
}
