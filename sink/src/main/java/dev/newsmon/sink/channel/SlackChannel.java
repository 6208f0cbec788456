package dev.newsmon.sink.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsmon.common.json.Json;
import dev.newsmon.sink.delivery.HttpAttempt;
import dev.newsmon.sink.delivery.Outcome;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * A Slack-compatible incoming webhook (Slack, Mattermost and Rocket.Chat accept it): {@code {"text": ...}} in
 * Slack's mrkdwn, the headline a link, then the tags, the outlets and the matched terms.
 */
public final class SlackChannel implements Channel {
    public static final ChannelType TYPE = new ChannelType("slack", ChannelType::httpUrlProblem, SlackChannel::new);

    private final URI url;
    private final ChannelContext context;

    SlackChannel(String to, ChannelContext context) {
        this.url = URI.create(to);
        this.context = context;
    }

    @Override
    public Outcome send(ChannelMessage m) throws InterruptedException {
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(Map.of("text", text(m)));
        } catch (JsonProcessingException e) {
            return Outcome.refused("cannot write the message as JSON: " + e.getOriginalMessage());
        }
        return HttpAttempt.send(context.http(), HttpRequest.newBuilder(url).timeout(context.timeout())
                .header("Content-Type", "application/json").header("User-Agent", "newsmon-channels/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static String text(ChannelMessage m) {
        StringBuilder b = new StringBuilder();
        switch (m.kind()) {
            case DIGEST -> {
                b.append("*").append(escape(m.title())).append("* (").append(escape(m.subscription())).append(")");
                for (ChannelMessage.Story s : m.stories()) {
                    b.append("\n• ").append(link(s.headline(), s.url())).append(" — ")
                            .append(escape(String.join(", ", s.outlets()))).append(", ")
                            .append(ChannelMessages.clock(s.firstSeen())).append(" to ")
                            .append(ChannelMessages.clock(s.latestSeen()));
                }
                return b.toString();
            }
            case GROWTH -> b.append("*Spreading* ");
            case COPY -> b.append("*Copy* ");
            case STORY -> b.append("*New story* ");
        }
        b.append(link(m.title(), m.url()));
        line(b, "Tags", m.tags());
        line(b, "Outlets", m.outlets());
        line(b, "Matched", m.terms().stream().map(t -> "\"" + t + "\"").toList());
        return b.append("\n_").append(escape(m.subscription())).append("_").toString();
    }

    private static void line(StringBuilder b, String label, List<String> values) {
        if (!values.isEmpty()) {
            b.append("\n").append(label).append(": ").append(escape(String.join(", ", values)));
        }
    }

    private static String link(String text, String url) {
        return url == null ? escape(text) : "<" + url.replace(">", "%3E").replace("|", "%7C") + "|" + escape(text) + ">";
    }

    /** Slack's three control characters in message text. */
    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
