package dev.newsmon.ingest.fetch;

import java.net.URI;

/**
 * What a fetch returned.
 *
 * @param status       HTTP status: 2xx with a body, or 304 with none; 200 for a file
 * @param body         the decoded (un-gzipped) body; empty on 304
 * @param contentType  the Content-Type header, or null
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 * @param finalUri     where the body came from after redirects
 * @param movedTo      where a 301/308 (and only such permanent redirects, from the first hop on) said the feed now
 *                     lives, or null: the URL to fetch from now on
 * @param hints        the server's caching headers
 */
public record FetchResult(int status, byte[] body, String contentType, String etag, String lastModified,
                          URI finalUri, URI movedTo, CacheHints hints) {
    public static final int NOT_MODIFIED = 304;

    public FetchResult {
        hints = hints == null ? CacheHints.NONE : hints;
    }

    public boolean notModified() {
        return status == NOT_MODIFIED;
    }

    /** The validators to send with the next fetch of the same feed. */
    public Conditional validators() {
        return new Conditional(etag, lastModified);
    }
}
