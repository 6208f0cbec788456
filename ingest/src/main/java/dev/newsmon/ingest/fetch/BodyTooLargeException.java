package dev.newsmon.ingest.fetch;

import java.io.IOException;

/** A body passed the size cap; the fetcher turns it into a {@link FetchException}. */
final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long cap) {
        super("body exceeds " + cap + " bytes");
    }
}
