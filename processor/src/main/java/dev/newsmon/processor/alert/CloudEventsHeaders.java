package dev.newsmon.processor.alert;

import dev.newsmon.common.model.Alert;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Adds the CloudEvents 1.0 Kafka protocol binding headers (binary content mode) to each alert, so standard
 * consumers can route on {@code ce_type} without parsing the body: {@code ce_id} (the item id, unique per alert),
 * {@code ce_type} ({@code dev.newsmon.alert.story} or {@code .copy}), {@code ce_source}, {@code ce_time} (when the
 * alert was decided), {@code ce_subject} (the story id), {@code ce_specversion} and {@code content-type}.
 */
public final class CloudEventsHeaders implements Processor<String, Alert, String, Alert> {
    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_PREFIX = "dev.newsmon.alert.";
    public static final String CONTENT_TYPE = "application/json";

    private final String source;
    private ProcessorContext<String, Alert> context;

    private CloudEventsHeaders(String source) {
        this.source = source;
    }

    /** @param source the {@code ce_source} URI-reference, e.g. {@code /newsmon/processor/<application id>} */
    public static ProcessorSupplier<String, Alert, String, Alert> supplier(String source) {
        return () -> new CloudEventsHeaders(source);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert a = record.value();
        set(record.headers(), a.itemId(), a.kind().wireName(), source, a.alerted(), a.storyId());
        context.forward(record);
    }

    /**
     * Sets the headers of one event, replacing any it had (a record passed on keeps its input's headers).
     *
     * @param kind what follows {@link #TYPE_PREFIX} in {@code ce_type}
     */
    public static void set(Headers h, String id, String kind, String source, Instant time, String subject) {
        set(h, "ce_specversion", SPEC_VERSION);
        set(h, "ce_id", id);
        set(h, "ce_type", TYPE_PREFIX + kind);
        set(h, "ce_source", source);
        set(h, "ce_time", time.toString());
        set(h, "ce_subject", subject);
        set(h, "content-type", CONTENT_TYPE);
    }

    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
