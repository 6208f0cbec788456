package dev.newsmon.ingest;

import java.util.List;

/**
 * What one poll of every feed did.
 *
 * @param feedsOk       feeds read (a 304 counts as read)
 * @param feedsFailed   feeds that could not be fetched or parsed
 * @param itemsProduced items acknowledged by Kafka
 * @param errors        one line per failure, naming the feed
 */
public record PollSummary(int feedsOk, int feedsFailed, int itemsProduced, List<String> errors) {
    public PollSummary {
        errors = List.copyOf(errors);
    }
}
