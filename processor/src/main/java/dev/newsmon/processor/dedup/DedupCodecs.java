package dev.newsmon.processor.dedup;

import dev.newsmon.processor.TaggedItem;
import dev.newsmon.processor.binary.BinaryCodec;
import dev.newsmon.processor.binary.BinaryIn;
import dev.newsmon.processor.binary.BinaryOut;
import dev.newsmon.processor.binary.BinarySerde;
import dev.newsmon.processor.binary.TaggedItemCodec;
import org.apache.kafka.common.errors.SerializationException;

import java.util.List;

/**
 * The binary layouts of the dedup stage's messages and stored values. Item ids and band keys are the bulk of the
 * small messages, so a band key of the usual form ({@code b<index>:<16 hex digits>}) is written as its index and
 * its 64-bit hash, 9 bytes where its text took 20, and the bands a candidate shares or was found in are a bit mask
 * of the item's band indexes ({@link Bands}).
 */
final class DedupCodecs {
    static final BinaryCodec<OrderKey> ORDER = codec(DedupCodecs::writeOrder, DedupCodecs::readOrder);
    static final BinaryCodec<Shingles> SHINGLES = codec(DedupCodecs::writeShingles, DedupCodecs::readShingles);
    static final BinaryCodec<Candidate> CANDIDATE = codec(DedupCodecs::writeCandidate, DedupCodecs::readCandidate);
    static final BinaryCodec<BandProbe> PROBE = codec(DedupCodecs::writeProbe, DedupCodecs::readProbe);
    static final BinaryCodec<BandAnswer> ANSWER = codec(DedupCodecs::writeAnswer, DedupCodecs::readAnswer);
    static final BinaryCodec<LookupRequest> REQUEST = codec(DedupCodecs::writeRequest, DedupCodecs::readRequest);
    static final BinaryCodec<LookupReply> REPLY = codec(DedupCodecs::writeReply, DedupCodecs::readReply);
    static final BinaryCodec<ResolveMessage> MESSAGE = codec(DedupCodecs::writeMessage, DedupCodecs::readMessage);
    static final BinaryCodec<PendingDecision> PENDING = codec(DedupCodecs::writePending, DedupCodecs::readPending);
    static final BinaryCodec<PendingItem> PENDING_ITEM = codec(
            (out, p) -> {
                TaggedItemCodec.INSTANCE.write(out, p.tagged());
                writeShingles(out, p.shingles());
            },
            in -> new PendingItem(TaggedItemCodec.INSTANCE.read(in), readShingles(in)));
    static final BinaryCodec<Waiters> WAITERS = codec(
            (out, w) -> out.writeAll(w.requests(), DedupCodecs::writeRequest),
            in -> new Waiters(in.readAll(DedupCodecs::readRequest)));

    private static final int BAND_ANSWER = 1;
    private static final int LOOKUP_REQUEST = 2;
    private static final int LOOKUP_REPLY = 3;

    private DedupCodecs() {
    }

    interface Writer<T> {
        void write(BinaryOut out, T value);
    }

    interface Reader<T> {
        T read(BinaryIn in);
    }

    private static <T> BinaryCodec<T> codec(Writer<T> writer, Reader<T> reader) {
        return new BinaryCodec<>() {
            @Override
            public void write(BinaryOut out, T value) {
                writer.write(out, value);
            }

            @Override
            public T read(BinaryIn in) {
                return reader.read(in);
            }
        };
    }

    static void writeOrder(BinaryOut out, OrderKey o) {
        out.writeSignedVarLong(o.eventMillis()).writeString(o.itemId());
    }

    static OrderKey readOrder(BinaryIn in) {
        return new OrderKey(in.readSignedVarLong(), in.readString());
    }

    /** Ordered or not, the count, then each hash in 8 bytes (they are random: a varint would only grow them). */
    static void writeShingles(BinaryOut out, Shingles s) {
        out.writeBoolean(s.ordered());
        long[] hashes = s.sequence();
        out.writeCount(hashes.length);
        for (long h : hashes) {
            out.writeLong(h);
        }
    }

    static Shingles readShingles(BinaryIn in) {
        boolean ordered = in.readBoolean();
        long[] hashes = new long[in.readCount(Long.BYTES)];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = in.readLong();
        }
        return ordered ? Shingles.inTextOrder(hashes) : Shingles.unordered(hashes);
    }

    /**
     * The band index plus one and the hash for a key of the usual form, else 0 and the key's text, so that any key
     * reads back as it was.
     */
    static void writeBandKey(BinaryOut out, String key) {
        int colon = key.indexOf(':');
        if (colon > 1 && key.length() == colon + 17 && key.charAt(0) == 'b') {
            try {
                int index = Integer.parseInt(key, 1, colon, 10);
                long hash = Long.parseUnsignedLong(key, colon + 1, key.length(), 16);
                if (index >= 0 && key.equals("b" + index + ":" + Hash64.hex(hash))) {
                    out.writeCount(index + 1).writeLong(hash);
                    return;
                }
            } catch (NumberFormatException e) {
                // Not of the usual form: written as text below.
            }
        }
        out.writeCount(0).writeString(key);
    }

    static String readBandKey(BinaryIn in) {
        long tag = in.readVarLong();
        if (tag == 0) {
            return in.readString();
        }
        return "b" + (tag - 1) + ":" + Hash64.hex(in.readLong());
    }

    /** The bit mask as a varint: the low bands take the fewest bytes. */
    static void writeBands(BinaryOut out, Bands b) {
        out.writeVarLong(b.mask());
    }

    static Bands readBands(BinaryIn in) {
        return new Bands(in.readVarLong());
    }

    static void writeCandidate(BinaryOut out, Candidate c) {
        writeOrder(out, c.order());
        out.writeSignedVarLong(c.timestamp());
        writeBands(out, c.sharedBands());
    }

    static Candidate readCandidate(BinaryIn in) {
        return new Candidate(readOrder(in), in.readSignedVarLong(), readBands(in));
    }

    static void writeFound(BinaryOut out, Found f) {
        writeCandidate(out, f.candidate());
        writeBands(out, f.inBands());
    }

    static Found readFound(BinaryIn in) {
        return new Found(readCandidate(in), readBands(in));
    }

    private static void writeItem(BinaryOut out, TaggedItem tagged, Shingles shingles) {
        out.writeOptional(tagged, TaggedItemCodec.INSTANCE::write);
        out.writeOptional(shingles, DedupCodecs::writeShingles);
    }

    static void writeProbe(BinaryOut out, BandProbe p) {
        writeOrder(out, p.order());
        out.writeAll(p.bandKeys(), DedupCodecs::writeBandKey);
        writeBands(out, p.bands());
        writeItem(out, p.tagged(), p.shingles());
    }

    static BandProbe readProbe(BinaryIn in) {
        return new BandProbe(readOrder(in), in.readAll(DedupCodecs::readBandKey), readBands(in),
                in.readOptional(TaggedItemCodec.INSTANCE::read), in.readOptional(DedupCodecs::readShingles));
    }

    static void writeAnswer(BinaryOut out, BandAnswer a) {
        writeOrder(out, a.order());
        writeBands(out, a.bands());
        out.writeCount(a.totalBands());
        out.writeAll(a.found(), DedupCodecs::writeFound);
        writeItem(out, a.tagged(), a.shingles());
    }

    static BandAnswer readAnswer(BinaryIn in) {
        return new BandAnswer(readOrder(in), readBands(in), in.readVarInt(), in.readAll(DedupCodecs::readFound),
                in.readOptional(TaggedItemCodec.INSTANCE::read), in.readOptional(DedupCodecs::readShingles));
    }

    static void writeRequest(BinaryOut out, LookupRequest r) {
        out.writeString(r.askerId()).writeSignedVarLong(r.askerTimestamp())
                .writeString(r.targetId()).writeSignedVarLong(r.targetTimestamp());
        writeShingles(out, r.shingles());
    }

    static LookupRequest readRequest(BinaryIn in) {
        return new LookupRequest(in.readString(), in.readSignedVarLong(), in.readString(), in.readSignedVarLong(),
                readShingles(in));
    }

    static void writeReply(BinaryOut out, LookupReply r) {
        out.writeString(r.askerId()).writeString(r.targetId()).writeDouble(r.similarity()).writeString(r.storyId());
    }

    static LookupReply readReply(BinaryIn in) {
        return new LookupReply(in.readString(), in.readString(), in.readDouble(), in.readString());
    }

    /** A type byte, then the message. */
    static void writeMessage(BinaryOut out, ResolveMessage m) {
        if (m instanceof BandAnswer a) {
            writeAnswer(out.writeByte(BAND_ANSWER), a);
        } else if (m instanceof LookupRequest r) {
            writeRequest(out.writeByte(LOOKUP_REQUEST), r);
        } else if (m instanceof LookupReply r) {
            writeReply(out.writeByte(LOOKUP_REPLY), r);
        }
    }

    static ResolveMessage readMessage(BinaryIn in) {
        int type = in.readByte();
        return switch (type) {
            case BAND_ANSWER -> readAnswer(in);
            case LOOKUP_REQUEST -> readRequest(in);
            case LOOKUP_REPLY -> readReply(in);
            default -> throw new SerializationException("unknown resolve message type " + type);
        };
    }

    static void writePending(BinaryOut out, PendingDecision p) {
        writeOrder(out, p.order());
        out.writeBoolean(p.itemArrived()).writeCount(p.totalBands());
        out.writeAll(p.answers(), DedupCodecs::writeAnswer);
        out.writeSignedVarLong(p.recordTimestamp()).writeSignedVarLong(p.sinceMs());
        out.writeOptional(p.asking(), DedupCodecs::writeCandidate);
        out.writeAll(p.remaining(), DedupCodecs::writeCandidate);
        out.writeBoolean(p.remainingAsked());
        out.writeAll(p.replied(), DedupCodecs::writeReply);
    }

    static PendingDecision readPending(BinaryIn in) {
        boolean parallel = in.format() >= BinarySerde.FORMAT_PARALLEL_LOOKUPS;
        return new PendingDecision(readOrder(in), in.readBoolean(), in.readVarInt(),
                in.readAll(DedupCodecs::readAnswer), in.readSignedVarLong(), in.readSignedVarLong(),
                in.readOptional(DedupCodecs::readCandidate), in.readAll(DedupCodecs::readCandidate),
                parallel && in.readBoolean(), parallel ? in.readAll(DedupCodecs::readReply) : List.of());
    }
}
