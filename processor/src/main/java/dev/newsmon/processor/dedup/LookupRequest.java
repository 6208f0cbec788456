package dev.newsmon.processor.dedup;

import java.util.Objects;

/**
 * A copy asks its original for the story id.
 *
 * @param askerId        the copy
 * @param askerTimestamp record time of the copy, so the reply carries it on
 * @param targetId       the original: the record key
 */
public record LookupRequest(String askerId, long askerTimestamp, String targetId) implements ResolveMessage {
    public LookupRequest {
        Objects.requireNonNull(askerId, "askerId");
        Objects.requireNonNull(targetId, "targetId");
    }

    @Override
    public String routingKey() {
        return targetId;
    }
}
