package dev.newsmon.processor.dedup;

import java.util.Objects;

/**
 * The candidate original's answer.
 *
 * @param askerId    the asker: the record key
 * @param targetId   the candidate original
 * @param similarity {@link Overlap#similarity()} of the two texts; 0 when the target is no longer known
 * @param storyId    the target's story id when the asker is a copy of it; null when it is not (below the threshold)
 *                   or the target is past retention: a no, and the asker's next candidate decides
 */
public record LookupReply(String askerId, String targetId, double similarity, String storyId)
        implements ResolveMessage {
    public LookupReply {
        Objects.requireNonNull(askerId, "askerId");
        Objects.requireNonNull(targetId, "targetId");
    }

    @Override
    public String routingKey() {
        return askerId;
    }
}
