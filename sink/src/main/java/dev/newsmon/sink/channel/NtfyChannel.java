package dev.newsmon.sink.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.common.json.Json;
import dev.newsmon.sink.delivery.HttpAttempt;
import dev.newsmon.sink.delivery.Outcome;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * An ntfy topic, {@code to} being its URL ({@code https://ntfy.example/desk}). Messages are published as JSON to
 * the server's root, which keeps titles and tags in UTF-8: the title the subject, the message the plain text, a
 * click on it opening the headline's link.
 */
public final class NtfyChannel implements Channel {
    public static final ChannelType TYPE = new ChannelType("ntfy", NtfyChannel::problem, NtfyChannel::new);

    private final URI server;
    private final String topic;
    private final ChannelContext context;

    NtfyChannel(String to, ChannelContext context) {
        URI url = URI.create(to);
        String path = url.getPath();
        int slash = path.lastIndexOf('/');
        this.server = url.resolve(path.substring(0, slash + 1));
        this.topic = path.substring(slash + 1);
        this.context = context;
    }

    private static Optional<String> problem(String to) {
        Optional<String> url = ChannelType.httpUrlProblem(to);
        if (url.isPresent()) {
            return url;
        }
        String path = URI.create(to).getPath();
        return path == null || path.endsWith("/") || path.isEmpty()
                ? Optional.of("must be the URL of an ntfy topic, such as https://ntfy.example/desk") : Optional.empty();
    }

    @Override
    public Outcome send(ChannelMessage m) throws InterruptedException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("topic", topic);
        body.put("title", MessageText.subject(m));
        body.put("message", MessageText.plain(m));
        if (m.url() != null) {
            body.put("click", m.url());
        }
        body.set("tags", Json.mapper().valueToTree(m.tags()));
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return Outcome.refused("cannot write the message as JSON: " + e.getOriginalMessage());
        }
        return HttpAttempt.send(context.http(), HttpRequest.newBuilder(server).timeout(context.timeout())
                .header("Content-Type", "application/json").header("User-Agent", "newsmon-channels/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }
}
