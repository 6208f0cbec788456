package dev.newsmon.processor.subscribe;

import dev.newsmon.common.json.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/**
 * Writes a routed record as its JSON body alone: what a subscription's topic carries. Routed records are only
 * ever written; their readers read alerts and growth alerts.
 */
final class RoutedBody implements Serde<Routed> {
    @Override
    public Serializer<Routed> serializer() {
        return (topic, routed) -> {
            try {
                return Json.mapper().writeValueAsBytes(routed.body());
            } catch (IOException e) {
                throw new SerializationException("cannot write the record " + routed.id() + " for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<Routed> deserializer() {
        throw new UnsupportedOperationException("a subscription's topic is read as alerts, never as routed records");
    }
}
