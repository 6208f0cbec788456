package dev.newsmon.processor.subscribe;

import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.subscription.DigestSchedule;

import java.time.Instant;

/** What a digest needs of one alert that matched a subscription. */
record DigestItem(DigestSchedule schedule, String storyId, boolean story, String title, String url, String outlet,
                  Instant alerted) {
    static DigestItem of(Routed r) {
        Alert a = Json.mapper().convertValue(r.body(), Alert.class);
        return new DigestItem(r.digest(), a.storyId(), a.kind() == Alert.Kind.STORY, a.title(), a.url(), a.outlet(),
                a.alerted());
    }

    /** One digest window of a schedule. */
    record Window(DigestSchedule schedule, Instant start, Instant end) {
    }
}
