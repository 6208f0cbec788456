package dev.newsmon.ingest.status;

import dev.newsmon.common.model.FeedStatus;

import java.util.Map;
import java.util.Set;

/** The statuses feeds' last pollers published, where an instance that starts or takes feeds over finds them. */
public interface PublishedStatuses {
    /**
     * The latest status of each of {@code feedUrls} that has one. A status that cannot be read is left out, so its
     * feed starts afresh: a handover must not wait on it.
     */
    Map<String, FeedStatus> latest(Set<String> feedUrls);

    /** Reads nothing: every feed starts afresh. */
    PublishedStatuses NONE = urls -> Map.of();
}
