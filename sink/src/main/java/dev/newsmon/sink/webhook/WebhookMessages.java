package dev.newsmon.sink.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the alerts gathered in one fold window into webhook calls. A story is sent alone; the copies of one story
 * gathered together become one {@code update} (a single copy stays a {@code copy}), so a burst of syndication
 * costs the channel one message per story, not one per outlet.
 */
public final class WebhookMessages {
    private WebhookMessages() {
    }

    public static List<WebhookMessage> of(List<Alert> window, WebhookSettings.Format format) throws IOException {
        List<WebhookMessage> out = new ArrayList<>();
        Map<String, List<Alert>> copiesByStory = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (Alert a : window) {
            if (a.kind() == Alert.Kind.STORY) {
                order.add(a);
            } else {
                copiesByStory.computeIfAbsent(a.storyId(), s -> {
                    List<Alert> list = new ArrayList<>();
                    order.add(list);
                    return list;
                }).add(a);
            }
        }
        for (Object o : order) {
            if (o instanceof Alert story) {
                out.add(new WebhookMessage("story", story.itemId(), body(List.of(story), format), List.of(story)));
            } else {
                @SuppressWarnings("unchecked")
                List<Alert> copies = (List<Alert>) o;
                Alert last = copies.get(copies.size() - 1);
                if (copies.size() == 1) {
                    out.add(new WebhookMessage("copy", last.itemId(), body(copies, format), copies));
                } else {
                    out.add(new WebhookMessage("update", "update-" + last.itemId(), body(copies, format), copies));
                }
            }
        }
        return out;
    }

    private static byte[] body(List<Alert> alerts, WebhookSettings.Format format) throws IOException {
        try {
            if (format == WebhookSettings.Format.SLACK) {
                ObjectNode slack = Json.mapper().createObjectNode();
                slack.put("text", slackText(alerts));
                return Json.mapper().writeValueAsBytes(slack);
            }
            if (alerts.size() == 1) {
                return Json.mapper().writeValueAsBytes(alerts.get(0));
            }
            ObjectNode update = Json.mapper().createObjectNode();
            update.put("schema_version", Alert.SCHEMA_VERSION);
            update.put("kind", "update");
            update.put("story_id", alerts.get(0).storyId());
            update.set("copies", Json.mapper().valueToTree(alerts));
            return Json.mapper().writeValueAsBytes(update);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write the webhook body of story_id=" + alerts.get(0).storyId(), e);
        }
    }

    static String slackText(List<Alert> alerts) {
        Alert first = alerts.get(0);
        if (first.kind() == Alert.Kind.STORY) {
            return String.format(Locale.ROOT, "*New story* %s\n<%s|%s> (%s)", first.tags(), first.url(),
                    escape(first.title()), escape(first.outlet()));
        }
        String outlets = alerts.stream().map(a -> escape(a.outlet())).distinct().collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "+%d %s of <%s|%s>: %s", alerts.size(),
                alerts.size() == 1 ? "copy" : "copies", first.url(), escape(first.title()), outlets);
    }

    /** Slack's three control characters in message text. */
    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
