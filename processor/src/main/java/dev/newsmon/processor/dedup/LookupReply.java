package dev.newsmon.processor.dedup;

import java.util.Objects;

/**
 * The original's answer to a copy.
 *
 * @param askerId  the copy: the record key
 * @param targetId the original
 * @param storyId  the original's story id; null when the original is no longer known (past retention), in which
 *                 case the copy becomes a story of its own
 */
public record LookupReply(String askerId, String targetId, String storyId) implements ResolveMessage {
    public LookupReply {
        Objects.requireNonNull(askerId, "askerId");
        Objects.requireNonNull(targetId, "targetId");
    }

    @Override
    public String routingKey() {
        return askerId;
    }
}
