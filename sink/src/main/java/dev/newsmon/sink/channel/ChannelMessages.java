package dev.newsmon.sink.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.subscription.Digest;
import dev.newsmon.common.subscription.GrowthAlert;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds the channel message of each record the channels read. */
public final class ChannelMessages {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ChannelMessages() {
    }

    /**
     * The message of one record of {@code news.alerts.<subscription>}: an alert or a growth alert.
     *
     * @throws IllegalArgumentException when the record is neither
     */
    public static ChannelMessage ofSubscriptionTopic(String subscription, JsonNode body) {
        try {
            if (GrowthAlert.KIND.equals(body.path("kind").asText())) {
                return growth(Json.mapper().treeToValue(body, GrowthAlert.class));
            }
            return alert(subscription, Json.mapper().treeToValue(body, Alert.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("neither an alert nor a growth alert: " + e.getOriginalMessage(), e);
        }
    }

    static ChannelMessage alert(String subscription, Alert a) {
        // One of each term whatever its case: "Space Station" in the title and "space station" in the text.
        Map<String, String> byLowerCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        a.matches().values().stream().flatMap(List::stream).map(TagMatch::terms).flatMap(List::stream)
                .map(MatchedTerm::term).forEach(t -> byLowerCase.putIfAbsent(t, t));
        List<String> terms = List.copyOf(byLowerCase.values());
        return new ChannelMessage(subscription + "/" + a.itemId(), subscription,
                a.kind() == Alert.Kind.STORY ? ChannelMessage.Kind.STORY : ChannelMessage.Kind.COPY, a.title(),
                a.url(), a.tags(), a.outlet() == null ? List.of() : List.of(a.outlet()), terms, List.of(),
                a.alerted());
    }

    static ChannelMessage growth(GrowthAlert g) {
        List<String> outlets = g.outlets().stream()
                .map(o -> o.outlet() + " (" + CLOCK.format(o.firstSeen()) + " UTC)").toList();
        return new ChannelMessage(g.subscription() + "/growth-" + g.storyId(), g.subscription(),
                ChannelMessage.Kind.GROWTH, g.title(), g.url(), List.of(), outlets, List.of(), List.of(), g.reached());
    }

    public static ChannelMessage digest(Digest d) {
        List<ChannelMessage.Story> stories = d.stories().stream().map(e -> new ChannelMessage.Story(e.headline(),
                e.url(), e.outlets(), e.firstSeen(), e.latestSeen())).toList();
        String title = d.schedule().wireName() + " digest, " + CLOCK.format(d.windowStart()) + " to "
                + CLOCK.format(d.windowEnd()) + " UTC: " + stories.size() + (stories.size() == 1 ? " story" : " stories");
        return new ChannelMessage(d.id(), d.subscription(), ChannelMessage.Kind.DIGEST, title, null, List.of(),
                List.of(), List.of(), stories, d.windowEnd());
    }

    /** A time as the messages show it: minutes, UTC. */
    static String clock(java.time.Instant t) {
        return CLOCK.format(t) + " UTC";
    }
}
