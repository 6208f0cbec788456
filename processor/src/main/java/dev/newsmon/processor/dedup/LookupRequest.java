package dev.newsmon.processor.dedup;

import java.util.Objects;

/**
 * A possible copy asks a candidate original to compare texts and, if it is a copy, for the story id.
 *
 * @param askerId        the possible copy
 * @param askerTimestamp record time of the asker, so the reply carries it on
 * @param targetId       the candidate original: the record key
 * @param targetTimestamp record time of the target, the time its story and shingles are stored under
 * @param shingles       the asker's shingles, compared with the target's where those are stored
 */
public record LookupRequest(String askerId, long askerTimestamp, String targetId, long targetTimestamp,
                            Shingles shingles)
        implements ResolveMessage {
    public LookupRequest {
        Objects.requireNonNull(askerId, "askerId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(shingles, "shingles");
    }

    @Override
    public String routingKey() {
        return targetId;
    }
}
