package dev.newsmon.ingest.schedule;

import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.Conditional;

import java.time.Instant;
import java.util.Objects;

/**
 * What the scheduler knows of one feed. Immutable; the scheduler replaces it after every poll.
 *
 * @param source            the feed as listed; {@code source.url()} is its stable key
 * @param fetchUrl          where it is fetched from: the listed URL, or where a 301/308 moved it
 * @param validators        ETag and Last-Modified of the last successful poll
 * @param consecutiveErrors failed polls in a row since the last success
 * @param nextPoll          when it is due
 * @param disabled          true after a 410 Gone: never polled again until it is added anew
 * @param lastAttempt       start of the last poll, or null
 * @param lastSuccess       start of the last successful poll, or null
 * @param lastStatus        HTTP status of the last poll (0 when there was none)
 * @param lastError         one line on the last failure, null after a success
 * @param itemsSeen         entries in the feed at the last successful read with a body
 * @param recovered         true when the last successful read with a body needed the lenient parser
 */
public record FeedState(FeedSource source, String fetchUrl, Conditional validators, int consecutiveErrors,
                        Instant nextPoll, boolean disabled, Instant lastAttempt, Instant lastSuccess,
                        int lastStatus, String lastError, int itemsSeen, boolean recovered) {
    public FeedState {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetchUrl, "fetchUrl");
        Objects.requireNonNull(nextPoll, "nextPoll");
        validators = validators == null ? Conditional.NONE : validators;
    }

    /** A feed never polled, due at {@code at}. */
    public static FeedState fresh(FeedSource source, Instant at) {
        return new FeedState(source, source.url(), Conditional.NONE, 0, at, false, null, null, 0, null, 0, false);
    }

    /**
     * A feed taken over from another instance, in the state that instance last published: its moved URL, its
     * validators (so the first poll is conditional), its backoff and its next due time (now if that has passed).
     * A feed disabled by a 410 is not kept disabled: the new owner asks once more, and a second 410 disables it
     * again, where keeping it would ignore a person's re-adding it while no instance ran.
     */
    public static FeedState resumed(FeedSource source, FeedStatus last, Instant now) {
        Instant due = last.disabled() || last.nextPoll() == null || last.nextPoll().isBefore(now)
                ? now : last.nextPoll();
        return new FeedState(source, last.fetchUrl(), new Conditional(last.etag(), last.lastModified()),
                last.consecutiveErrors(), due, false, last.lastAttempt(), last.lastSuccess(), last.httpStatus(),
                last.lastError(), last.itemsSeen(), last.recovered());
    }

    public String key() {
        return source.url();
    }
}
