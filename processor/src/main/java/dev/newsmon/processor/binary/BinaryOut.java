package dev.newsmon.processor.binary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * Writes the fields of a binary value: fixed-width big-endian numbers where the bits are random (hashes, doubles),
 * varints where values are small or mostly small (counts, lengths, timestamps), length-prefixed UTF-8 strings.
 * Not thread-safe; one per value written.
 */
public final class BinaryOut {
    private byte[] buf;
    private int size;

    public BinaryOut() {
        this(256);
    }

    public BinaryOut(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public BinaryOut writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public BinaryOut writeBoolean(boolean b) {
        return writeByte(b ? 1 : 0);
    }

    /** An unsigned LEB128 varint: 7 bits a byte, low bits first; negative values take ten bytes, so avoid them. */
    public BinaryOut writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** A count or a length: a varint that must not be negative. */
    public BinaryOut writeCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        return writeVarLong(n);
    }

    /** A signed value as a zigzag varint, so that small negative numbers stay small too. */
    public BinaryOut writeSignedVarLong(long v) {
        return writeVarLong((v << 1) ^ (v >> 63));
    }

    /** An int as a zigzag varint. */
    public BinaryOut writeInt(int v) {
        return writeSignedVarLong(v);
    }

    public BinaryOut writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** The raw bits, so that every double (NaN included) reads back identical. */
    public BinaryOut writeDouble(double v) {
        return writeLong(Double.doubleToRawLongBits(v));
    }

    /**
     * Null as 0, else the UTF-8 length plus one, then the bytes. An unpaired surrogate (not valid Unicode) is written
     * as '?', as {@link String#getBytes} does.
     */
    public BinaryOut writeString(String s) {
        if (s == null) {
            return writeVarLong(0);
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarLong(utf8.length + 1L);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, size, utf8.length);
        size += utf8.length;
        return this;
    }

    /** Null as 0, else 1, the epoch second (zigzag) and the nanoseconds: lossless, as ISO-8601 in JSON was. */
    public BinaryOut writeInstant(Instant t) {
        if (t == null) {
            return writeByte(0);
        }
        writeByte(1);
        writeSignedVarLong(t.getEpochSecond());
        return writeVarLong(t.getNano());
    }

    /** The count, then each element. */
    public <T> BinaryOut writeAll(Collection<T> values, BiConsumer<BinaryOut, T> element) {
        writeCount(values.size());
        for (T v : values) {
            element.accept(this, v);
        }
        return this;
    }

    /** Absent as 0, else 1 and the value. */
    public <T> BinaryOut writeOptional(T value, BiConsumer<BinaryOut, T> element) {
        if (value == null) {
            return writeByte(0);
        }
        writeByte(1);
        element.accept(this, value);
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
