package dev.newsmon.processor.binary;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads what {@link BinaryOut} wrote. A value that ends early, or a count larger than the bytes left could hold,
 * is a {@link SerializationException}: a corrupt record must not make the reader allocate gigabytes.
 */
public final class BinaryIn {
    private final byte[] buf;
    private final int format;
    private int pos;

    /** Bytes in the current layout. */
    public BinaryIn(byte[] buf, int offset) {
        this(buf, offset, BinarySerde.FORMAT);
    }

    /** Bytes in the layout of {@code format}, one of those {@link BinarySerde} reads. */
    public BinaryIn(byte[] buf, int offset, int format) {
        this.buf = buf;
        this.pos = offset;
        this.format = format;
    }

    /** The layout the bytes were written in: a field a later layout added is read only from bytes of that layout. */
    public int format() {
        return format;
    }

    public int remaining() {
        return buf.length - pos;
    }

    public int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public boolean readBoolean() {
        int b = readByte();
        if (b > 1) {
            throw new SerializationException("not a boolean: " + b + " at byte " + (pos - 1));
        }
        return b == 1;
    }

    public long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new SerializationException("varint longer than 10 bytes at byte " + pos);
    }

    public long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A count of elements that take at least {@code minBytesEach} bytes each. */
    public int readCount(int minBytesEach) {
        long n = readVarLong();
        if (n < 0 || n * Math.max(1, minBytesEach) > remaining()) {
            throw new SerializationException("count " + n + " beyond the " + remaining() + " bytes left");
        }
        return (int) n;
    }

    /** A non-negative int written with {@link BinaryOut#writeCount} that is not a count of what follows. */
    public int readVarInt() {
        long v = readVarLong();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new SerializationException("not a non-negative int: " + v);
        }
        return (int) v;
    }

    public int readInt() {
        long v = readSignedVarLong();
        if (v != (int) v) {
            throw new SerializationException("not an int: " + v);
        }
        return (int) v;
    }

    public long readLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public String readString() {
        long n = readVarLong();
        if (n == 0) {
            return null;
        }
        if (n - 1 > remaining()) {
            throw new SerializationException("string of " + (n - 1) + " bytes beyond the " + remaining() + " left");
        }
        String s = new String(buf, pos, (int) (n - 1), StandardCharsets.UTF_8);
        pos += (int) (n - 1);
        return s;
    }

    public Instant readInstant() {
        if (!readBoolean()) {
            return null;
        }
        long seconds = readSignedVarLong();
        long nanos = readVarLong();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException e) {
            throw new SerializationException("not an instant: " + seconds + "s " + nanos + "ns", e);
        }
    }

    public <T> List<T> readAll(Function<BinaryIn, T> element) {
        int n = readCount(1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.apply(this));
        }
        return out;
    }

    public <T> T readOptional(Function<BinaryIn, T> element) {
        return readBoolean() ? element.apply(this) : null;
    }

    private void need(int n) {
        if (remaining() < n) {
            throw new SerializationException("value ends early: " + n + " more bytes needed at byte " + pos + " of "
                    + buf.length);
        }
    }
}
