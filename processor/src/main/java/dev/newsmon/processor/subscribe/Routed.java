package dev.newsmon.processor.subscribe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.common.subscription.DigestSchedule;

import java.time.Instant;

/**
 * One record for one subscription's topic: an alert that matched it or the growth alert of a story.
 *
 * @param subscription the subscription, which names the topic
 * @param kind         the CloudEvents type after {@code dev.newsmon.alert.}: story, copy or growth
 * @param id           the CloudEvents id: the item id of an alert, {@code growth-} and the story id of a growth alert
 * @param time         when the alert was decided or the story reached the threshold
 * @param body         the JSON written
 * @param digest       the subscription's digest schedule when it matched
 */
record Routed(String subscription, String kind, String id, Instant time, ObjectNode body, DigestSchedule digest) {
    static final String GROWTH = "growth";

    boolean isGrowth() {
        return GROWTH.equals(kind);
    }
}
