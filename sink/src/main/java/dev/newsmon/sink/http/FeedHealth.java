package dev.newsmon.sink.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Locale;

/**
 * One feed as an operator reads it: what state it is in, since when it works or not, why in words, and when it is
 * tried next. Derived from the feed's latest status and the polls of the view's window.
 *
 * @param feedUrl           the feed as listed
 * @param fetchUrl          where it is fetched now (differs from feedUrl after a permanent redirect)
 * @param outlet            the name the feed is listed under, or its host when it has none
 * @param state             see {@link State}
 * @param lastAttempt       start of the latest poll
 * @param lastSuccess       start of the latest successful poll, or null if none is known
 * @param nextPoll          when it is tried next; null when it is no longer polled
 * @param httpStatus        HTTP status of the latest poll, 0 when there was no answer
 * @param consecutiveErrors failed polls in a row
 * @param problem           what is wrong, in words; null when nothing is
 * @param detail            the error line ingest logged, for a search in its logs; null after a success
 * @param itemsInWindow     items its polls of the window produced
 * @param failedPollsInWindow polls of the window that failed
 */
public record FeedHealth(String feedUrl, String fetchUrl, String outlet, State state, Instant lastAttempt,
                         Instant lastSuccess, Instant nextPoll, int httpStatus, int consecutiveErrors, String problem,
                         String detail, int itemsInWindow, int failedPollsInWindow) {

    /** In the order the dashboard lists them: what needs a person first. */
    public enum State {
        /** The latest poll failed and the cause is on the feed's side or ours. */
        FAILING(true),
        /** The server asked newsmon to slow down (429, 503): polls wait longer each time. */
        BACKING_OFF(true),
        /** The server answered 410 Gone: the feed is no longer polled until it is listed again. */
        GONE(true),
        /** Works, from a new address after a permanent redirect: the feed list should be updated. */
        MOVED(true),
        /** Works now, after failed polls within the window. */
        RECOVERED(false),
        OK(false);

        private final boolean needsAttention;

        State(boolean needsAttention) {
            this.needsAttention = needsAttention;
        }

        public boolean needsAttention() {
            return needsAttention;
        }

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @JsonProperty("needs_attention")
    public boolean needsAttention() {
        return state.needsAttention();
    }
}
