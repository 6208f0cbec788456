package dev.newsmon.sink.channel;

import java.time.Instant;
import java.util.List;

/**
 * One message for a subscription's channels, whatever it came from: an alert, a growth alert or a digest. Each
 * channel renders it its own way.
 *
 * @param id           unique and stable: the same record read twice makes the same id (what delivery state and
 *                     an email's Message-ID are keyed on)
 * @param subscription the subscription it is for
 * @param kind         what it announces
 * @param title        the headline (of a digest: its window)
 * @param url          the headline's link, may be null
 * @param tags         the alert's tags
 * @param outlets      the outlets that carried it (of a growth alert: each with when it first did)
 * @param terms        the terms the rules matched, as they stand in the item
 * @param stories      a digest's stories; empty otherwise
 * @param time         when the alert was decided, the story reached the threshold or the window ended
 */
public record ChannelMessage(String id, String subscription, Kind kind, String title, String url, List<String> tags,
                             List<String> outlets, List<String> terms, List<Story> stories, Instant time) {
    public enum Kind { STORY, COPY, GROWTH, DIGEST }

    public ChannelMessage {
        tags = List.copyOf(tags);
        outlets = List.copyOf(outlets);
        terms = List.copyOf(terms);
        stories = List.copyOf(stories);
    }

    /** One story of a digest. */
    public record Story(String headline, String url, List<String> outlets, Instant firstSeen, Instant latestSeen) {
        public Story {
            outlets = List.copyOf(outlets);
        }
    }
}
