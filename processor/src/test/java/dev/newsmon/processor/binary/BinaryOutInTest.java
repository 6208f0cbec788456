package dev.newsmon.processor.binary;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinaryOutInTest {
    @Test
    void numbersComeBackWhateverTheirSize() {
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            long v = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(1 << 20);
                case 2 -> -random.nextInt(300);
                default -> i % 8 == 3 ? Long.MIN_VALUE : Long.MAX_VALUE;
            };
            byte[] bytes = new BinaryOut().writeVarLong(v).writeSignedVarLong(v).writeLong(v).writeInt((int) v)
                    .writeDouble(Double.longBitsToDouble(v)).toByteArray();
            BinaryIn in = new BinaryIn(bytes, 0);
            assertEquals(v, in.readVarLong());
            assertEquals(v, in.readSignedVarLong());
            assertEquals(v, in.readLong());
            assertEquals((int) v, in.readInt());
            assertEquals(v, Double.doubleToRawLongBits(in.readDouble()));
            assertEquals(0, in.remaining());
        }
    }

    @Test
    void smallValuesTakeOneByte() {
        assertArrayEquals(new byte[] {0x7F}, new BinaryOut().writeVarLong(127).toByteArray());
        assertArrayEquals(new byte[] {(byte) 0x80, 0x01}, new BinaryOut().writeVarLong(128).toByteArray());
        assertArrayEquals(new byte[] {0x03}, new BinaryOut().writeSignedVarLong(-2).toByteArray());
        assertArrayEquals(new byte[] {0x00}, new BinaryOut().writeString(null).toByteArray());
        assertArrayEquals(new byte[] {0x01}, new BinaryOut().writeString("").toByteArray());
    }

    @Test
    void stringsInstantsAndListsComeBack() {
        List<String> strings = List.of("", "plain", "Zvezda — «Звезда»", "\uD83D\uDE80 launch", "x".repeat(70_000));
        Instant exact = Instant.parse("2026-03-03T08:00:00.123456789Z");
        byte[] bytes = new BinaryOut().writeAll(strings, BinaryOut::writeString).writeString(null)
                .writeInstant(exact).writeInstant(null).writeInstant(Instant.ofEpochSecond(-5, 7)).toByteArray();
        BinaryIn in = new BinaryIn(bytes, 0);
        assertEquals(strings, in.readAll(BinaryIn::readString));
        assertNull(in.readString());
        assertEquals(exact, in.readInstant());
        assertNull(in.readInstant());
        assertEquals(Instant.ofEpochSecond(-5, 7), in.readInstant());
    }

    @Test
    void aTruncatedOrCorruptValueIsASerializationException() {
        byte[] bytes = new BinaryOut().writeString("a station").writeLong(5).toByteArray();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(bytes, cut);
            assertThrows(SerializationException.class, () -> {
                BinaryIn in = new BinaryIn(part, 0);
                in.readString();
                in.readLong();
            }, "cut at " + cut);
        }
        // A count of a billion elements in a 6-byte value must not allocate them.
        byte[] huge = new BinaryOut().writeVarLong(1_000_000_000L).toByteArray();
        assertThrows(SerializationException.class, () -> new BinaryIn(huge, 0).readAll(BinaryIn::readString));
        assertThrows(SerializationException.class, () -> new BinaryIn(new byte[] {2}, 0).readBoolean());
    }
}
