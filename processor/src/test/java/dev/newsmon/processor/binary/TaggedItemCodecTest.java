package dev.newsmon.processor.binary;

import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.StoryCluster;
import dev.newsmon.processor.RandomValues;
import dev.newsmon.processor.TaggedItem;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Property-style: generated items, tags and clusters come back equal, and equal to what JSON gave back. */
class TaggedItemCodecTest {
    private static final BinarySerde<TaggedItem> ITEMS = BinarySerde.of("TaggedItem", TaggedItemCodec.INSTANCE,
            json -> JsonSerde.of(TaggedItem.class).deserializer().deserialize("", json), 4096);
    private static final BinarySerde<StoryCluster> CLUSTERS = BinarySerde.of("StoryCluster",
            StoryClusterCodec.INSTANCE, json -> JsonSerde.of(StoryCluster.class).deserializer().deserialize("", json),
            1024);

    @Test
    void generatedTaggedItemsComeBackEqual() {
        RandomValues values = new RandomValues(42);
        for (int i = 0; i < 3_000; i++) {
            TaggedItem item = values.taggedItem();
            byte[] bytes = ITEMS.write(item);
            assertEquals(item, ITEMS.read(bytes), "item " + i);
            assertEquals(item.tags().appliedRelevance(), ITEMS.read(bytes).tags().appliedRelevance());
        }
    }

    @Test
    void theSameItemAsJsonReadsTheSame() {
        RandomValues values = new RandomValues(7);
        JsonSerde<TaggedItem> json = JsonSerde.of(TaggedItem.class);
        for (int i = 0; i < 500; i++) {
            TaggedItem item = values.taggedItem();
            byte[] asJson = json.serializer().serialize("t", item);
            TaggedItem fromJson = ITEMS.read(asJson);
            assertEquals(json.deserializer().deserialize("t", asJson), fromJson);
            assertEquals(fromJson, ITEMS.read(ITEMS.write(fromJson)));
        }
    }

    @Test
    void itemsWrittenBeforeLanguagesReadWithNone() {
        RandomValues values = new RandomValues(45);
        for (int i = 0; i < 200; i++) {
            TaggedItem item = values.taggedItem();
            FeedItem f = item.item();
            // The first layout, as a processor without languages wrote it.
            BinaryOut out = new BinaryOut(256).writeByte(BinarySerde.FORMAT_WITHOUT_LANGUAGE);
            out.writeInt(f.schemaVersion()).writeString(f.itemId()).writeString(f.guid()).writeString(f.feedUrl())
                    .writeString(f.outlet()).writeString(f.url()).writeString(f.title()).writeString(f.text())
                    .writeInstant(f.published()).writeInstant(f.fetched()).writeInt(f.revision());
            TaggedItemCodec.writeTags(out, item.tags());

            TaggedItem read = ITEMS.read(out.toByteArray());
            assertEquals(new TaggedItem(f.withLanguage(null), item.tags()), read, "item " + i);
            assertNull(read.item().language());
        }
    }

    @Test
    void generatedClustersComeBackEqual() {
        RandomValues values = new RandomValues(43);
        for (int i = 0; i < 2_000; i++) {
            StoryCluster cluster = values.storyCluster();
            assertEquals(cluster, CLUSTERS.read(CLUSTERS.write(cluster)), "cluster " + i);
        }
    }

    @Test
    void bytesThatAreNeitherFormatAreRefused() {
        RandomValues values = new RandomValues(44);
        byte[] bytes = ITEMS.write(values.taggedItem());
        bytes[0] = 9;
        assertThrows(SerializationException.class, () -> ITEMS.read(bytes));
        assertThrows(SerializationException.class, () -> ITEMS.read(new byte[0]));
        byte[] longer = java.util.Arrays.copyOf(ITEMS.write(values.taggedItem()), bytes.length + 1);
        assertThrows(SerializationException.class, () -> ITEMS.read(longer));
    }
}
