package dev.newsmon.processor.subscribe;

import dev.newsmon.processor.alert.CloudEventsHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The CloudEvents headers of a record on a subscription's topic, as news.alerts has them: {@code ce_type}
 * {@code dev.newsmon.alert.story}, {@code .copy} or {@code .growth}, {@code ce_source} the subscriber app and the
 * subscription, {@code ce_subject} the story id.
 */
final class RoutedHeaders implements FixedKeyProcessor<String, Routed, Routed> {
    private final String source;
    private FixedKeyProcessorContext<String, Routed> context;

    /** @param source the subscriber app's {@code ce_source}; the subscription's name is appended */
    RoutedHeaders(String source) {
        this.source = source;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Routed> record) {
        Routed r = record.value();
        CloudEventsHeaders.set(record.headers(), r.id(), r.kind(), source + "/" + r.subscription(), r.time(),
                record.key());
        context.forward(record);
    }
}
