package dev.newsmon.processor.dedup;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of a {@link BandBucket}, the most numerous value the processor stores (26 per item in the window):
 * about 140 bytes per entry, a third of its JSON, so the band store, its index and its compaction are a third of
 * the size. A leading format byte lets a later version change the layout.
 *
 * <p>Layout: format (1 byte), entry count (1 byte); per entry: event millis (8), record time (8), item id length
 * (2) and UTF-8 bytes, band hash count (1) and each band hash (4).
 */
public final class BandBucketSerde implements Serde<BandBucket> {
    static final byte FORMAT = 1;

    @Override
    public Serializer<BandBucket> serializer() {
        return (topic, bucket) -> bucket == null ? null : write(bucket);
    }

    @Override
    public Deserializer<BandBucket> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(BandBucket bucket) {
        List<byte[]> ids = new ArrayList<>(bucket.entries().size());
        int size = 2;
        for (BandEntry e : bucket.entries()) {
            byte[] id = e.order().itemId().getBytes(StandardCharsets.UTF_8);
            if (id.length > 0xFFFF) {
                throw new SerializationException("item id of " + id.length + " bytes, over 65535: " + e.order());
            }
            ids.add(id);
            size += 8 + 8 + 2 + id.length + 1 + 4 * e.bandHashes().size();
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.put(FORMAT).put((byte) bucket.entries().size());
        for (int i = 0; i < ids.size(); i++) {
            BandEntry e = bucket.entries().get(i);
            buf.putLong(e.order().eventMillis()).putLong(e.timestamp());
            buf.putShort((short) ids.get(i).length).put(ids.get(i));
            long[] hashes = e.bandHashes().toArray();
            buf.put((byte) hashes.length);
            for (long h : hashes) {
                buf.putInt((int) h);
            }
        }
        return buf.array();
    }

    static BandBucket read(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new SerializationException("band bucket in an unknown format (first byte "
                    + (bytes.length == 0 ? "missing" : String.valueOf(bytes[0])) + "): state written by another"
                    + " newsmon version; reset the processor's state (see docs/operations.md, Upgrading)");
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
            int count = Byte.toUnsignedInt(buf.get());
            List<BandEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long eventMillis = buf.getLong();
                long timestamp = buf.getLong();
                byte[] id = new byte[Short.toUnsignedInt(buf.getShort())];
                buf.get(id);
                long[] hashes = new long[Byte.toUnsignedInt(buf.get())];
                for (int h = 0; h < hashes.length; h++) {
                    hashes[h] = Integer.toUnsignedLong(buf.getInt());
                }
                entries.add(new BandEntry(new OrderKey(eventMillis, new String(id, StandardCharsets.UTF_8)),
                        timestamp, Hashes.of(hashes)));
            }
            return new BandBucket(entries);
        } catch (BufferUnderflowException e) {
            throw new SerializationException("band bucket of " + bytes.length + " bytes is truncated", e);
        }
    }
}
