package dev.newsmon.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/** A Kafka serde for one JSON message type. A value that does not parse is a {@link SerializationException}. */
public final class JsonSerde<T> implements Serde<T> {
    private final Class<T> type;
    private final ObjectMapper mapper = Json.mapper();

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return mapper.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " for topic " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                T value = mapper.readValue(bytes, type);
                if (value == null) {
                    throw new SerializationException("a JSON null is not a " + type.getSimpleName() + " on topic " + topic);
                }
                return value;
            } catch (IOException | IllegalArgumentException e) {
                // IllegalArgumentException: a record constructor refused a value (for example a missing id).
                throw new SerializationException("not a valid " + type.getSimpleName() + " on topic " + topic + ": "
                        + e.getMessage(), e);
            }
        };
    }
}
