package dev.newsmon.processor.alert;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.TaggedItem;
import dev.newsmon.processor.tagging.TagResult;

import java.time.Instant;

/** Builds the alerts the processor emits. */
public final class AlertFactory {
    private AlertFactory() {
    }

    public static Alert story(TaggedItem tagged, String storyId, Instant alerted) {
        return build(tagged, Alert.Kind.STORY, storyId, alerted, null, null);
    }

    public static Alert copy(TaggedItem tagged, String storyId, String copyOf, double similarity, Instant alerted) {
        // Three decimals: enough to read, and stable against float noise in the last bits.
        return build(tagged, Alert.Kind.COPY, storyId, alerted, Math.round(similarity * 1000) / 1000.0, copyOf);
    }

    private static Alert build(TaggedItem tagged, Alert.Kind kind, String storyId, Instant alerted,
                               Double similarity, String copyOf) {
        FeedItem i = tagged.item();
        TagResult t = tagged.tags();
        return new Alert(Alert.SCHEMA_VERSION, kind, storyId, i.itemId(), i.url(), i.title(), i.outlet(), i.feedUrl(),
                i.published(), i.fetched(), alerted, t.tags(), t.matches(), similarity, copyOf, t.rulesVersion(),
                t.appliedRelevance(), i.language(), i.text());
    }
}
