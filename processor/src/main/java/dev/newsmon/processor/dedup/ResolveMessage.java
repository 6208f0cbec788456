package dev.newsmon.processor.dedup;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A message on the resolve topic, keyed by {@link #routingKey()} so that one task owns each item's decision. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BandAnswer.class, name = "band_answer"),
        @JsonSubTypes.Type(value = LookupRequest.class, name = "lookup_request"),
        @JsonSubTypes.Type(value = LookupReply.class, name = "lookup_reply")})
public sealed interface ResolveMessage permits BandAnswer, LookupRequest, LookupReply {
    /** The item whose owner must process this message. */
    String routingKey();
}
