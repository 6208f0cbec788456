package dev.newsmon.sink;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.TagRelevance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts for sink tests. */
public final class TestAlerts {
    private TestAlerts() {
    }

    public static Alert alert(String story, String item, Alert.Kind kind) {
        return alert(story, item, kind, Instant.parse("2026-11-26T09:05:01Z"));
    }

    public static Alert alert(String story, String item, Alert.Kind kind, Instant alerted) {
        return alert(story, item, kind, kind == Alert.Kind.COPY ? "i-1" : null, alerted);
    }

    /** An alert about {@code item} in {@code story}, copying {@code copyOf} (null for a story), at {@code alerted}. */
    public static Alert alert(String story, String item, Alert.Kind kind, String copyOf, Instant alerted) {
        return new Alert(Alert.SCHEMA_VERSION, kind, story, item, "https://harborcitypost.example/a",
                "Station news", "Harbor City Post", "https://harborcitypost.example/rss",
                Instant.parse("2026-11-26T09:00:00Z"), Instant.parse("2026-11-26T09:05:00Z"), alerted,
                List.of("space-station"), Map.of(), kind == Alert.Kind.COPY ? 0.91 : null, copyOf, "test",
                Map.of("space-station", new TagRelevance(1.0, 0.5,
                        List.of(new Evidence("named-station", Evidence.TITLE, 2, 1.0)), "named-station in the title")), "en", null);
    }

}
