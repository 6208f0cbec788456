package dev.newsmon.processor.binary;

import dev.newsmon.common.model.StoryCluster;
import dev.newsmon.common.model.StoryCluster.Member;

/** The binary layout of a {@link StoryCluster} as the cluster store keeps it ({@code news.stories} stays JSON). */
public final class StoryClusterCodec implements BinaryCodec<StoryCluster> {
    public static final StoryClusterCodec INSTANCE = new StoryClusterCodec();

    private StoryClusterCodec() {
    }

    @Override
    public void write(BinaryOut out, StoryCluster c) {
        out.writeInt(c.schemaVersion()).writeString(c.storyId());
        writeMember(out, c.first());
        out.writeString(c.originalItemId());
        out.writeAll(c.copies(), StoryClusterCodec::writeMember);
        out.writeInt(c.count());
        out.writeAll(c.outlets(), BinaryOut::writeString);
        out.writeInstant(c.updated());
    }

    @Override
    public StoryCluster read(BinaryIn in) {
        return new StoryCluster(in.readInt(), in.readString(), readMember(in), in.readString(),
                in.readAll(StoryClusterCodec::readMember), in.readInt(), in.readAll(BinaryIn::readString),
                in.readInstant());
    }

    private static void writeMember(BinaryOut out, Member m) {
        out.writeString(m.itemId()).writeString(m.outlet()).writeString(m.url()).writeString(m.title())
                .writeInstant(m.published()).writeInstant(m.seen())
                .writeOptional(m.similarity(), BinaryOut::writeDouble)
                .writeString(m.copyOf());
    }

    private static Member readMember(BinaryIn in) {
        return new Member(in.readString(), in.readString(), in.readString(), in.readString(), in.readInstant(),
                in.readInstant(), in.readOptional(BinaryIn::readDouble), in.readString());
    }
}
