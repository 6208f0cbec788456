package dev.newsmon.processor.binary;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.function.Function;

/**
 * A Kafka serde of an internal value: a format byte, then the type's {@link BinaryCodec} layout.
 *
 * <p>Earlier versions wrote these values as JSON, which starts with '{' (an object) or '"' (a value written as a
 * string, such as base64 shingles). Such a value is handed to the legacy reader, so that the records in flight on
 * the internal topics and the state in the stores of a running deployment still read after an upgrade; they are
 * written back in binary. The format byte is below any printable character, so it never looks like JSON. A later
 * layout takes the next format byte and keeps reading the earlier ones: codecs ask {@link BinaryIn#format()}.
 */
public final class BinarySerde<T> implements Serde<T> {
    /** The layout written: a pending decision keeps the replies of candidates asked at once. */
    public static final byte FORMAT = 3;
    /** Since this layout, a pending decision says whether its candidates were asked at once, and their replies. */
    public static final byte FORMAT_PARALLEL_LOOKUPS = 3;
    /** The first layout, still read: a feed item without a language. */
    public static final byte FORMAT_WITHOUT_LANGUAGE = 1;

    private final String typeName;
    private final BinaryCodec<T> codec;
    private final Function<byte[], T> legacyJson;
    private final int sizeHint;

    private BinarySerde(String typeName, BinaryCodec<T> codec, Function<byte[], T> legacyJson, int sizeHint) {
        this.typeName = typeName;
        this.codec = codec;
        this.legacyJson = legacyJson;
        this.sizeHint = sizeHint;
    }

    /**
     * @param legacyJson reads the JSON an earlier version wrote (it may throw {@link SerializationException})
     * @param sizeHint   the usual size of a value, to size the write buffer
     */
    public static <T> BinarySerde<T> of(String typeName, BinaryCodec<T> codec, Function<byte[], T> legacyJson,
                                        int sizeHint) {
        return new BinarySerde<>(typeName, codec, legacyJson, sizeHint);
    }

    public byte[] write(T value) {
        BinaryOut out = new BinaryOut(sizeHint);
        out.writeByte(FORMAT);
        codec.write(out, value);
        return out.toByteArray();
    }

    public T read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new SerializationException("empty " + typeName);
        }
        byte first = bytes[0];
        if (first == '{' || first == '"') {
            return legacyJson.apply(bytes);
        }
        if (first < FORMAT_WITHOUT_LANGUAGE || first > FORMAT) {
            throw new SerializationException(typeName + " in an unknown format (first byte " + first + "): written"
                    + " by a later newsmon version?");
        }
        try {
            BinaryIn in = new BinaryIn(bytes, 1, first);
            T value = codec.read(in);
            if (in.remaining() != 0) {
                throw new SerializationException(typeName + " has " + in.remaining() + " bytes after its end");
            }
            return value;
        } catch (IllegalArgumentException | NullPointerException e) {
            // A record constructor refused a decoded value: the bytes are not what the layout says.
            throw new SerializationException("not a valid " + typeName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }
}
