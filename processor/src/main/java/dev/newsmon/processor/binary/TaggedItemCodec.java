package dev.newsmon.processor.binary;

import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;
import dev.newsmon.processor.TaggedItem;
import dev.newsmon.processor.tagging.TagResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The binary layout of a {@link TaggedItem}: the feed item, then its tags with their matches and relevance, every
 * field of them, so that the alert the resolver builds from it is the one the JSON item would have given.
 */
public final class TaggedItemCodec implements BinaryCodec<TaggedItem> {
    public static final TaggedItemCodec INSTANCE = new TaggedItemCodec();

    private TaggedItemCodec() {
    }

    @Override
    public void write(BinaryOut out, TaggedItem value) {
        writeItem(out, value.item());
        writeTags(out, value.tags());
    }

    @Override
    public TaggedItem read(BinaryIn in) {
        return new TaggedItem(readItem(in), readTags(in));
    }

    static void writeItem(BinaryOut out, FeedItem i) {
        out.writeInt(i.schemaVersion()).writeString(i.itemId()).writeString(i.guid()).writeString(i.feedUrl())
                .writeString(i.outlet()).writeString(i.url()).writeString(i.title()).writeString(i.text())
                .writeInstant(i.published()).writeInstant(i.fetched()).writeInt(i.revision()).writeString(i.language());
    }

    static FeedItem readItem(BinaryIn in) {
        return new FeedItem(in.readInt(), in.readString(), in.readString(), in.readString(), in.readString(),
                in.readString(), in.readString(), in.readString(), in.readInstant(), in.readInstant(), in.readInt(),
                in.format() == BinarySerde.FORMAT_WITHOUT_LANGUAGE ? null : in.readString());
    }

    static void writeTags(BinaryOut out, TagResult t) {
        out.writeAll(t.tags(), BinaryOut::writeString);
        writeMap(out, t.matches(), (o, matches) -> o.writeAll(matches, TaggedItemCodec::writeMatch));
        writeMap(out, t.relevance(), TaggedItemCodec::writeRelevance);
        out.writeString(t.rulesVersion());
    }

    static TagResult readTags(BinaryIn in) {
        List<String> tags = in.readAll(BinaryIn::readString);
        Map<String, List<TagMatch>> matches = readMap(in, i -> i.readAll(TaggedItemCodec::readMatch));
        Map<String, TagRelevance> relevance = readMap(in, TaggedItemCodec::readRelevance);
        return new TagResult(tags, matches, relevance, in.readString());
    }

    private static void writeMatch(BinaryOut out, TagMatch m) {
        out.writeString(m.query());
        out.writeAll(m.terms(), (o, t) -> o.writeString(t.field()).writeString(t.term()).writeInt(t.start())
                .writeInt(t.end()));
    }

    private static TagMatch readMatch(BinaryIn in) {
        return new TagMatch(in.readString(),
                in.readAll(i -> new MatchedTerm(i.readString(), i.readString(), i.readInt(), i.readInt())));
    }

    private static void writeRelevance(BinaryOut out, TagRelevance r) {
        out.writeDouble(r.score()).writeDouble(r.threshold());
        out.writeAll(r.evidence(), (o, e) -> o.writeString(e.query()).writeString(e.where()).writeInt(e.mentions())
                .writeDouble(e.score()));
        out.writeString(r.reason());
    }

    private static TagRelevance readRelevance(BinaryIn in) {
        double score = in.readDouble();
        double threshold = in.readDouble();
        List<Evidence> evidence = in.readAll(i -> new Evidence(i.readString(), i.readString(), i.readInt(),
                i.readDouble()));
        return new TagRelevance(score, threshold, evidence, in.readString());
    }

    /** Entries in key order, so that equal maps give equal bytes whatever their iteration order. */
    private static <V> void writeMap(BinaryOut out, Map<String, V> map, BiConsumer<BinaryOut, V> value) {
        out.writeAll(new TreeMap<>(map).entrySet(), (o, e) -> {
            o.writeString(e.getKey());
            value.accept(o, e.getValue());
        });
    }

    private static <V> Map<String, V> readMap(BinaryIn in, Function<BinaryIn, V> value) {
        int n = in.readCount(2);
        Map<String, V> map = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            map.put(in.readString(), value.apply(in));
        }
        return map;
    }
}
