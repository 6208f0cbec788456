package dev.newsmon.processor.binary;

/** The binary layout of one type, without the format byte that {@link BinarySerde} puts in front of a value. */
public interface BinaryCodec<T> {
    void write(BinaryOut out, T value);

    T read(BinaryIn in);
}
