package dev.newsmon.processor.dedup;

/** A message on the resolve topic, keyed by {@link #routingKey()} so that one task owns each item's decision. */
public sealed interface ResolveMessage permits BandAnswer, LookupRequest, LookupReply {
    /** The item whose owner must process this message. */
    String routingKey();
}
